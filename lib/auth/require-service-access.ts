import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { services } from '../db/schema';
import { AppError } from '../errors';
import { canActOnService, type Principal } from './roles';

/**
 * Refuses (403) unless the caller may act on every named service: platform users and tokens on all, owners on
 * their teams' services only (a service Waymark does not know has no team, so no owner).
 */
export const requireServiceAccess = async (db: Executor, principal: Principal, names: string[]) => {
  if (principal.kind === 'token') return;
  const rows = names.length > 0 ? await db.select({ name: services.name, team: services.team }).from(services).where(inArray(services.name, names)) : [];
  const teams = new Map(rows.map((row) => [row.name, row.team]));
  const refused = names.filter((name) => !canActOnService(principal, teams.get(name) ?? null));
  if (refused.length > 0) throw new AppError('FORBIDDEN', `You may not act on ${refused.map((name) => `"${name}"`).join(', ')}: not a service of your team`);
};

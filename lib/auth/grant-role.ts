import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { roleGrants } from '../db/schema';
import { AppError } from '../errors';
import { ROLES } from './roles';

/**
 * Gives one user (the provider's `sub`) a role on top of their groups' roles, from their next sign-in: for
 * providers without a groups claim (Google) or for exceptions. `owner` needs the team whose services they own.
 */
export const grantRole = async ({ db, subject, role, team = null, grantedBy }: { db: Executor; subject: string; role: string; team?: string | null; grantedBy: string }) => {
  if (!(ROLES as readonly string[]).includes(role) || role === 'viewer') throw new AppError('USAGE', `role: expected owner, platform or admin, not "${role}"`);
  if ((role === 'owner') !== Boolean(team)) throw new AppError('USAGE', role === 'owner' ? 'team: an owner grant names the team (--team)' : 'team: only an owner grant names a team');
  const id = `rg_${randomBytes(6).toString('hex')}`;
  await db.insert(roleGrants).values({ id, subject, role, team, grantedBy });
  return { id, subject, role, team };
};

/** Ends every grant of `role` (and team) to a user; counts from their next sign-in. */
export const revokeRole = async ({ db, subject, role, team = null }: { db: Executor; subject: string; role: string; team?: string | null }) => {
  const revoked = await db
    .update(roleGrants)
    .set({ revokedAt: new Date() })
    .where(and(eq(roleGrants.subject, subject), eq(roleGrants.role, role), team ? eq(roleGrants.team, team) : isNull(roleGrants.team), isNull(roleGrants.revokedAt)))
    .returning({ id: roleGrants.id });
  if (revoked.length === 0) throw new AppError('NOT_FOUND', `No active ${role} grant${team ? ` for team ${team}` : ''} to "${subject}"`);
  return revoked;
};

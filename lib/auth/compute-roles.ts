import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { roleGrants } from '../db/schema';

/**
 * A user's roles and owned teams: viewer for everyone, the roles of their groups (auth.roles in waymark.yaml),
 * and those granted in the app (role_grants).
 */
export const computeRoles = async ({ db, config, subject, groups }: { db: Executor; config: Config; subject: string; groups: string[] }) => {
  const { admin, platform, owners } = config.auth.roles;
  const roles = new Set<string>(['viewer']);
  const teams = new Set<string>();
  if (groups.some((group) => admin.includes(group))) roles.add('admin');
  if (groups.some((group) => platform.includes(group))) roles.add('platform');
  for (const group of groups) if (owners[group]) teams.add(owners[group]);
  const grants = await db
    .select({ role: roleGrants.role, team: roleGrants.team })
    .from(roleGrants)
    .where(and(eq(roleGrants.subject, subject), isNull(roleGrants.revokedAt)));
  for (const grant of grants) {
    if (grant.role === 'owner' && grant.team) teams.add(grant.team);
    else roles.add(grant.role);
  }
  if (teams.size > 0) roles.add('owner');
  return { roles: [...roles], teams: [...teams].sort() };
};

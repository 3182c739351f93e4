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
export const grantRole = async ({
  db,
  subject,
  role,
  team = null,
  grantedBy,
}: {
  db: Executor;
  subject: string;
  role: string;
  team?: string | null;
  grantedBy: string;
}) => {
  if (!(ROLES as readonly string[]).includes(role) || role === 'viewer')
    throw new AppError('USAGE', `role: expected owner, platform or admin, not "${role}"`);
  if ((role === 'owner') !== Boolean(team))
    throw new AppError(
      'USAGE',
      role === 'owner' ? 'team: an owner grant names the team (--team)' : 'team: only an owner grant names a team',
    );
  const id = `rg_${randomBytes(6).toString('hex')}`;
  await db.insert(roleGrants).values({ id, subject, role, team, grantedBy });
  return { id, subject, role, team };
};

/** A grant by its id (the Roles page), or by who, which role and team (the CLI). */
export type GrantMatch = { id: string } | { subject: string; role: string; team?: string | null };

/** Ends the matching active grants; counts from the user's next sign-in. Returns what was revoked. */
export const revokeRole = async ({ db, ...match }: { db: Executor } & GrantMatch) => {
  const which =
    'id' in match
      ? eq(roleGrants.id, match.id)
      : and(
          eq(roleGrants.subject, match.subject),
          eq(roleGrants.role, match.role),
          match.team ? eq(roleGrants.team, match.team) : isNull(roleGrants.team),
        );
  const revoked = await db
    .update(roleGrants)
    .set({ revokedAt: new Date() })
    .where(and(which, isNull(roleGrants.revokedAt)))
    .returning({ id: roleGrants.id, subject: roleGrants.subject, role: roleGrants.role, team: roleGrants.team });
  if (revoked.length === 0) {
    const named =
      'id' in match
        ? `grant ${match.id}`
        : `${match.role} grant${match.team ? ` for team ${match.team}` : ''} to "${match.subject}"`;
    throw new AppError('NOT_FOUND', `No active ${named}`);
  }
  return revoked;
};

import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { roleGrants } from '../db/schema';

/** Every grant still in force, by user: what the Roles page and `GET /api/v1/roles` show. */
export const listRoleGrants = (db: Executor) =>
  db
    .select({
      id: roleGrants.id,
      subject: roleGrants.subject,
      role: roleGrants.role,
      team: roleGrants.team,
      grantedBy: roleGrants.grantedBy,
      grantedAt: roleGrants.grantedAt,
    })
    .from(roleGrants)
    .where(isNull(roleGrants.revokedAt))
    .orderBy(asc(roleGrants.subject), asc(roleGrants.role), asc(roleGrants.team));

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type ServiceRow = { name: string; team: string | null; lifecycle: string | null; tier: string | null; repository: string | null };

/** The services in the catalog, optionally one team's, ordered by name (uses the services_team_idx index). */
export const listServices = async ({ db, team }: { db: Executor; team?: string }): Promise<ServiceRow[]> =>
  queryRows<ServiceRow>(
    db,
    sql`select name, team, lifecycle, tier, repository from services
        ${team === undefined ? sql`` : sql`where team = ${team}`}
        order by name`,
  );

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { buildTeamTree } from '../domain/build-team-tree';

export type ServiceRow = {
  name: string;
  team: string | null;
  lifecycle: string | null;
  tier: string | null;
  repository: string | null;
};

/**
 * The services in the catalog, optionally one team's (its own and its sub-teams'), ordered by name (uses the
 * services_team_idx index).
 */
export const listServices = async ({ db, team }: { db: Executor; team?: string }): Promise<ServiceRow[]> =>
  queryRows<ServiceRow>(
    db,
    sql`select name, team, lifecycle, tier, repository from services
        ${team === undefined ? sql`` : sql`where team in ${buildTeamTree(team)}`}
        order by name`,
  );

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type TeamRow = { name: string; displayName: string | null; services: number };

/**
 * Teams that own at least one service, with how many. A team is known from the services that name it; the teams
 * table only adds a display name where a source gave one.
 */
export const listTeams = async ({ db }: { db: Executor }): Promise<TeamRow[]> =>
  queryRows<TeamRow>(
    db,
    sql`select s.team as name, t.display_name as "displayName", count(*)::int as services
        from services s left join teams t on t.name = s.team
        where s.team is not null
        group by s.team, t.display_name
        order by s.team`,
  );

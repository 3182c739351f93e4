import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { buildTeamTree } from '../domain/build-team-tree';

/** A service changing hands: from one team (null: none) to another, from `since` on. */
export type OwnershipChange = { service: string; from: string | null; to: string | null; since: Date };

/**
 * The changes of owner that moved a service into or out of a team (or a team below it), newest first: the team's
 * figures count a service's events only while it owned it, and its page says so by naming these.
 */
export const listOwnershipChanges = async ({
  db,
  team,
}: {
  db: Executor;
  team: string;
}): Promise<OwnershipChange[]> => {
  const tree = buildTeamTree(team);
  const rows = await queryRows<{ service: string; from: string | null; to: string | null; since: string | Date }>(
    db,
    sql`select service, "from", "to", since from (
          select o.service, lag(o.team) over (partition by o.service order by o.since) as "from", o.team as "to",
                 o.since, row_number() over (partition by o.service order by o.since) as n
          from service_owners o
          where o.service in (select service from service_owners where team in ${tree})
        ) moves
        where n > 1 and (coalesce("from", '') in ${tree} or coalesce("to", '') in ${tree})
          and not (coalesce("from", '') in ${tree} and coalesce("to", '') in ${tree})
        order by since desc, service
        limit 50`,
  );
  return rows.map((row) => ({ ...row, since: new Date(row.since) }));
};

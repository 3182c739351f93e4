import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type TeamRow = {
  name: string;
  displayName: string | null;
  /** The team above it (`teams.parent`, from a Backstage group's parent). */
  parent: string | null;
  /** Services it owns, itself or through the teams below it. */
  services: number;
  /** Whether teams below it own services (its figures pool theirs). */
  hasSubteams: boolean;
};

/**
 * Teams that own at least one service, themselves or through their sub-teams, with how many. A team is known from
 * the services that name it; the teams table adds a display name and a parent where a source gave them. A cycle in
 * the hierarchy ends where UNION finds no new row.
 */
export const listTeams = async ({ db }: { db: Executor }): Promise<TeamRow[]> =>
  queryRows<TeamRow>(
    db,
    sql`with recursive owned as (
          select team as name, count(*)::int as own from services where team is not null group by team
        ),
        tree(root, name) as (
          select name, name from (select name from teams union select name from owned) known
          union
          select tree.root, t.name from teams t join tree on t.parent = tree.name
        )
        select tree.root as name, t.display_name as "displayName", t.parent,
               sum(o.own)::int as services, bool_or(tree.name <> tree.root) as "hasSubteams"
        from tree
        join owned o on o.name = tree.name
        left join teams t on t.name = tree.root
        group by tree.root, t.display_name, t.parent
        order by tree.root`,
  );

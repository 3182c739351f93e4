import { sql, type SQL } from 'drizzle-orm';

/**
 * A team and every team below it (`teams.parent`), as a subquery for `… in ${tree}`: a parent's figures, services and
 * changes of owner are its own and its sub-teams'. UNION stops on a cycle in the hierarchy.
 */
export const buildTeamTree = (team: string): SQL =>
  sql`(with recursive tree(name) as (
        select ${team}::text union select t.name from teams t join tree on t.parent = tree.name
      ) select name from tree)`;

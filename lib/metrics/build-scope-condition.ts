import { sql, type SQL } from 'drizzle-orm';
import { buildTeamTree } from '../domain/build-team-tree';
import type { MetricsScope, TeamOwners } from './metrics-types';

export type ScopeConditionOptions = {
  /**
   * The time the row's event counts at (a deployment's finish, an incident's resolution). With it, a team scope keeps
   * the rows of services the team owned at that time; without it, the services it owns or owned at any time.
   */
  at?: SQL;
  /** `history` (default): owners at the time of each event; `current`: today's owners own the whole history. */
  owners?: TeamOwners;
};

// Services that changed owner at least once: hashed once per statement, so the services that never moved (most) are
// answered from their one owner without a lookup per event.
const MOVED = sql`(select o.service from service_owners o where o.since > '-infinity')`;

const buildOwnerLookup = (service: SQL, at: SQL): SQL =>
  sql`(select o.team from service_owners o where o.service = ${service} and o.since <= ${at} order by o.since desc limit 1)`;

/** The team that owned a service at a time (service_owners; null when none did). */
export const buildOwnerAt = (service: SQL, at: SQL): SQL =>
  sql`(case when ${service} in ${MOVED} then ${buildOwnerLookup(service, at)}
       else (select s.team from services s where s.name = ${service}) end)`;

/** A SQL condition that a service-name column (at a time, for a team's history) belongs to the scope. */
export const buildScopeCondition = (
  scope: MetricsScope,
  column: SQL,
  { at, owners = 'history' }: ScopeConditionOptions = {},
): SQL => {
  if ('service' in scope) return sql`${column} = ${scope.service}`;
  if ('team' in scope) {
    const tree = buildTeamTree(scope.team);
    if (owners === 'current') return sql`${column} in (select s.name from services s where s.team in ${tree})`;
    // The services the team ever owned first, so a team's rows are still read service by service from the index.
    const ever = sql`${column} in (select o.service from service_owners o where o.team in ${tree})`;
    // A service that never moved was the team's all along; one that moved is checked at the event's time.
    return at ? sql`(${ever} and (${column} not in ${MOVED} or ${buildOwnerLookup(column, at)} in ${tree}))` : ever;
  }
  if ('services' in scope) {
    if (scope.services.length === 0) return sql`false`;
    return sql`${column} in (${sql.join(
      scope.services.map((name) => sql`${name}`),
      sql`, `,
    )})`;
  }
  return sql`true`;
};

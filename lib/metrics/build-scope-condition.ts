import { sql, type SQL } from 'drizzle-orm';
import type { MetricsScope } from './metrics-types';

/** A SQL condition that a service-name column belongs to the scope. */
export const buildScopeCondition = (scope: MetricsScope, column: SQL): SQL => {
  if ('service' in scope) return sql`${column} = ${scope.service}`;
  if ('team' in scope) return sql`${column} in (select s.name from services s where s.team = ${scope.team})`;
  if ('services' in scope) {
    if (scope.services.length === 0) return sql`false`;
    return sql`${column} in (${sql.join(
      scope.services.map((name) => sql`${name}`),
      sql`, `,
    )})`;
  }
  return sql`true`;
};

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { AppError } from '../errors';
import { buildTeamTree } from '../domain/build-team-tree';
import type { MetricsScope, MetricsWindow } from './metrics-types';

/**
 * Refuses a request that cannot mean what was asked: an invalid or empty window, or a service or team nobody has
 * reported (most often a typo, which would otherwise read as "no deployments").
 */
export const validateMetricsRequest = async (
  db: Executor,
  { scope, window }: { scope: MetricsScope; window: MetricsWindow },
) => {
  const problems: string[] = [];
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (Number.isNaN(from)) problems.push('from: not a valid date');
  if (Number.isNaN(to)) problems.push('to: not a valid date');
  if (problems.length === 0 && from >= to)
    problems.push(`from: must be before to (${window.from.toISOString()} is not before ${window.to.toISOString()})`);
  if ('service' in scope && !scope.service) problems.push('service: must not be empty');
  if ('team' in scope && !scope.team) problems.push('team: must not be empty');
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid metrics request', { details: problems });

  if ('service' in scope) {
    const found = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from services where name = ${scope.service}`,
    );
    if (found[0]!.n === 0)
      throw new AppError('NOT_FOUND', `service "${scope.service}" is not known (no source has reported it)`);
  }
  if ('team' in scope) {
    // service_owners holds every owner, past and present (a trigger records services.team), of the team's subtree.
    const tree = buildTeamTree(scope.team);
    const found = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from service_owners where team in ${tree}`,
    );
    if (found[0]!.n === 0) throw new AppError('NOT_FOUND', `team "${scope.team}" owns no service and has owned none`);
  }
};

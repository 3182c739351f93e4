import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { buildScopeCondition } from '../metrics/build-scope-condition';
import type { MetricsScope } from '../metrics/metrics-types';

export type DeploymentSpan = { first: Date | null; last: Date | null };

/**
 * When a scope's first and last successful deployments finished, whatever the window: lets a page whose window holds
 * none say when the last one was and offer the window that holds them ("all time").
 */
export const getDeploymentSpan = async ({ db, scope }: { db: Executor; scope: MetricsScope }): Promise<DeploymentSpan> => {
  const [row] = await queryRows<{ first: string | Date | null; last: string | Date | null }>(
    db,
    sql`select min(finished_at) as first, max(finished_at) as last from deployments
        where status = 'success' and finished_at is not null and ${buildScopeCondition(scope, sql`service`)}`,
  );
  const date = (value: string | Date | null | undefined) => (value ? new Date(value) : null);
  return { first: date(row?.first), last: date(row?.last) };
};

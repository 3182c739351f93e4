import { sql } from 'drizzle-orm';
import { queryListPage } from './query-list-page';
import { resolveListRequest, type ListOptions, type ListPage } from './resolve-list-request';

export type DeploymentFilter = { failed?: boolean; rework?: boolean; service?: string };

export type ListedDeployment = {
  id: string;
  source: string;
  sourceId: string;
  url: string | null;
  service: string;
  environment: string;
  finishedAt: string;
  commitSha: string | null;
  reason: string | null;
  rollbackOf: string | null;
  failed: boolean;
  rework: boolean;
  recoveredAt: string | null;
  /** Null when not failed, not recovered yet, or recovered "before" it finished (bad data, left out of the median). */
  recoverySeconds: number | null;
};

type Row = Omit<ListedDeployment, 'finishedAt' | 'recoveredAt'> & { finishedMs: number; recoveredMs: number | null };

/**
 * The deployments in D behind the deployment-frequency, change-failure, recovery and rework figures, newest first.
 * The commits a deployment shipped are `listChanges({ filter: { deploymentId } })`.
 */
export const listDeployments = async (options: ListOptions<DeploymentFilter>): Promise<ListPage<ListedDeployment>> => {
  const { window, limit, offset, settings, useRollup } = await resolveListRequest(options);
  const filter = options.filter ?? {};
  const conditions = [sql`true`];
  if (filter.failed !== undefined) conditions.push(sql`o.failed = ${filter.failed}`);
  if (filter.rework !== undefined) conditions.push(sql`o.rework = ${filter.rework}`);
  if (filter.service !== undefined) conditions.push(sql`o.service = ${filter.service}`);
  const { total, rows } = await queryListPage<Row>(options.db, {
    ctes: { scope: options.scope, windows: [window], settings, useRollup },
    selected: sql`select o.*, d.environment, d.commit_sha, d.source, d.source_id, d.url
      from outcomes o join deployments d on d.id = o.id where ${sql.join(conditions, sql` and `)}`,
    columns: sql`s.id, s.source, s.source_id as "sourceId", s.url, s.service, s.environment,
      (extract(epoch from s.finished_at) * 1000)::float8 as "finishedMs", s.commit_sha as "commitSha", s.reason,
      s.rollback_of as "rollbackOf", s.failed, s.rework,
      case when s.failed then (extract(epoch from s.recovered_at) * 1000)::float8 end as "recoveredMs",
      case when s.failed and s.recovered_at >= s.finished_at then extract(epoch from s.recovered_at - s.finished_at)::float8 end as "recoverySeconds"`,
    from: sql``,
    orderBy: sql`s.finished_at desc, s.id collate "C" desc`,
    limit,
    offset,
  });
  const items = rows.map(({ finishedMs, recoveredMs, ...row }) => ({
    ...row,
    finishedAt: new Date(finishedMs).toISOString(),
    recoveredAt: recoveredMs === null ? null : new Date(recoveredMs).toISOString(),
  }));
  return { total, limit, offset, items };
};

import { sql } from 'drizzle-orm';
import { queryListPage } from './query-list-page';
import { resolveListRequest, type ListOptions, type ListPage } from './resolve-list-request';

export type ChangeFilter = {
  deploymentId?: string;
  service?: string;
  /** true: only the commits left out of the lead time because they were authored after their deployment. */
  dropped?: boolean;
};

export type ListedChange = {
  /** One stored row of this commit (a commit reported by several sources has several). */
  id: string;
  source: string;
  sourceId: string;
  url: string | null;
  service: string;
  sha: string;
  title: string | null;
  pullRequestId: string | null;
  authoredAt: string;
  deploymentId: string;
  deployedAt: string;
  leadSeconds: number;
};

type Row = Omit<ListedChange, 'authoredAt' | 'deployedAt'> & { authoredMs: number; deployedMs: number };

/** The commits behind the lead time: each with the deployment in D that first shipped it, longest lead time first. */
export const listChanges = async (options: ListOptions<ChangeFilter>): Promise<ListPage<ListedChange>> => {
  const { window, limit, offset, settings, useRollup } = await resolveListRequest(options);
  const filter = options.filter ?? {};
  const conditions = [filter.dropped ? sql`f.lead_seconds < 0` : sql`f.lead_seconds >= 0`];
  if (filter.deploymentId !== undefined) conditions.push(sql`f.deployment_id = ${filter.deploymentId}`);
  if (filter.service !== undefined) conditions.push(sql`f.service = ${filter.service}`);
  const { total, rows } = await queryListPage<Row>(options.db, {
    ctes: { scope: options.scope, windows: [window], settings, useRollup },
    selected: sql`select * from first_shipped f where ${sql.join(conditions, sql` and `)}`,
    columns: sql`c.id, c.source, c.source_id as "sourceId", c.url, s.service, s.sha, c.title, c.pull_request_id as "pullRequestId",
      (extract(epoch from s.authored_at) * 1000)::float8 as "authoredMs", s.deployment_id as "deploymentId",
      (extract(epoch from s.finished_at) * 1000)::float8 as "deployedMs", s.lead_seconds as "leadSeconds"`,
    from: sql`cross join lateral (
      select * from changes c where c.service = s.service and c.sha = s.sha order by c.authored_at, c.id collate "C" limit 1
    ) c`,
    orderBy: sql`s.lead_seconds desc, s.deployment_id collate "C", s.sha`,
    limit,
    offset,
  });
  const items = rows.map(({ authoredMs, deployedMs, ...row }) => ({ ...row, authoredAt: new Date(authoredMs).toISOString(), deployedAt: new Date(deployedMs).toISOString() }));
  return { total, limit, offset, items };
};

import { sql } from 'drizzle-orm';
import { queryListPage } from './query-list-page';
import { resolveListRequest, type ListOptions, type ListPage } from './resolve-list-request';

export type IncidentFilter = {
  /**
   * `restored` (default): incidents of the scope resolved in the window, behind time to restore.
   * `attributed`: incidents attributed to deployments in the window, behind change failure rate and recovery time.
   */
  of?: 'restored' | 'attributed';
  service?: string;
};

export type ListedIncident = {
  id: string;
  source: string;
  sourceId: string;
  url: string | null;
  service: string;
  title: string | null;
  severity: string | null;
  openedAt: string;
  resolvedAt: string | null;
  /** resolvedAt − openedAt; null while open. */
  restoreSeconds: number | null;
  /** The deployment in the window this incident is attributed to, if any. */
  deploymentId: string | null;
};

type Row = Omit<ListedIncident, 'openedAt' | 'resolvedAt'> & { openedMs: number; resolvedMs: number | null };

/** The incidents behind time to restore, or behind the failed deployments; most recently opened first. */
export const listIncidents = async (options: ListOptions<IncidentFilter>): Promise<ListPage<ListedIncident>> => {
  const { window, limit, offset, settings, useRollup } = await resolveListRequest(options);
  const filter = options.filter ?? {};
  const source =
    filter.of === 'attributed' ? sql`select a.incident_id as id from attributions a join dw on dw.id = a.deployment_id` : sql`select id from restores`;
  const service = filter.service === undefined ? sql`true` : sql`i.service = ${filter.service}`;
  const { total, rows } = await queryListPage<Row>(options.db, {
    ctes: { scope: options.scope, windows: [window], settings, useRollup },
    selected: sql`select i.*, a.deployment_id from incidents i left join (select a.* from attributions a join dw on dw.id = a.deployment_id) a on a.incident_id = i.id where i.id in (${source}) and ${service}`,
    columns: sql`s.id, s.source, s.source_id as "sourceId", s.url, s.service, s.title, s.severity,
      (extract(epoch from s.opened_at) * 1000)::float8 as "openedMs", (extract(epoch from s.resolved_at) * 1000)::float8 as "resolvedMs",
      extract(epoch from s.resolved_at - s.opened_at)::float8 as "restoreSeconds", s.deployment_id as "deploymentId"`,
    from: sql``,
    orderBy: sql`s.opened_at desc, s.id collate "C" desc`,
    limit,
    offset,
  });
  const items = rows.map(({ openedMs, resolvedMs, ...row }) => ({
    ...row,
    openedAt: new Date(openedMs).toISOString(),
    resolvedAt: resolvedMs === null ? null : new Date(resolvedMs).toISOString(),
  }));
  return { total, limit, offset, items };
};

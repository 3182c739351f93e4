import { listChanges, type ChangeFilter } from '../metrics/list-changes';
import { listDeployments, type DeploymentFilter } from '../metrics/list-deployments';
import { listIncidents, type IncidentFilter } from '../metrics/list-incidents';
import type { ListOptions, ListPage } from '../metrics/resolve-list-request';
import { toCsv, type CsvCell } from './to-csv';

// A page of the drill-down lists holds at most 1,000 rows; an export walks the pages up to this many rows in all.
const PAGE = 1000;
export const MAX_EXPORT_ROWS = 100_000;

const collectAll = async <T, F>(list: (options: ListOptions<F>) => Promise<ListPage<T>>, options: ListOptions<F>) => {
  const items: T[] = [];
  for (let offset = 0; offset < MAX_EXPORT_ROWS; offset += PAGE) {
    const page = await list({ ...options, limit: PAGE, offset });
    items.push(...page.items);
    if (offset + PAGE >= page.total) break;
  }
  return items;
};

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100);
const flag = (value: boolean) => (value ? 'true' : 'false');

/** The rows of the Deployments list under the same filters (failed, rework), newest first, as CSV. */
export const buildDeploymentsCsv = async (options: ListOptions<DeploymentFilter>) => {
  const rows = await collectAll(listDeployments, options);
  return toCsv(
    ['service', 'finished_at', 'environment', 'source', 'source_id', 'commit_sha', 'reason', 'failed', 'rework', 'recovered_at', 'recovery_hours', 'url'],
    rows.map((row): CsvCell[] => [
      row.service,
      row.finishedAt,
      row.environment,
      row.source,
      row.sourceId,
      row.commitSha,
      row.reason,
      flag(row.failed),
      flag(row.rework),
      row.recoveredAt,
      hours(row.recoverySeconds),
      row.url,
    ]),
  );
};

/** The rows of the Changes list (one deployment's, or the window's), longest lead time first, as CSV. */
export const buildChangesCsv = async (options: ListOptions<ChangeFilter>) => {
  const rows = await collectAll(listChanges, options);
  return toCsv(
    ['service', 'sha', 'title', 'authored_at', 'deployment_id', 'deployed_at', 'lead_time_hours', 'pull_request_id', 'source', 'url'],
    rows.map((row): CsvCell[] => [
      row.service,
      row.sha,
      row.title,
      row.authoredAt,
      row.deploymentId,
      row.deployedAt,
      hours(row.leadSeconds),
      row.pullRequestId,
      row.source,
      row.url,
    ]),
  );
};

/** The rows of the Incidents list (restored, or attributed to deployments), newest first, as CSV. */
export const buildIncidentsCsv = async (options: ListOptions<IncidentFilter>) => {
  const rows = await collectAll(listIncidents, options);
  return toCsv(
    ['service', 'title', 'severity', 'opened_at', 'resolved_at', 'restore_hours', 'deployment_id', 'source', 'source_id', 'url'],
    rows.map((row): CsvCell[] => [
      row.service,
      row.title,
      row.severity,
      row.openedAt,
      row.resolvedAt,
      hours(row.restoreSeconds),
      row.deploymentId,
      row.source,
      row.sourceId,
      row.url,
    ]),
  );
};

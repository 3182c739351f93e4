import { getDb } from '@/lib/db/client';
import { listSourceFreshness, type SourceFreshness } from '@/lib/runs/list-source-freshness';
import { DataTable, type Column } from '../ui/data-table';
import { EmptyState } from '../ui/states';
import { TimeAgo } from '../ui/time-ago';
import { RunStatusBadge } from './run-status-badge';

const count = (value: number | null) => (value === null ? <span className="muted">—</span> : value.toLocaleString('en-US'));

const FRESHNESS: Column<SourceFreshness>[] = [
  { label: 'Source', cell: (source) => source.source },
  { label: 'Last success', cell: (source) => <TimeAgo at={source.lastSuccessAt} /> },
  { label: 'Newest event', cell: (source) => <TimeAgo at={source.newestEventAt} /> },
  {
    label: 'Latest run',
    cell: (source) => (
      <>
        <RunStatusBadge status={source.lastStatus} /> <TimeAgo at={source.lastRunAt} />
      </>
    ),
  },
];

const DETAILS: Column<SourceFreshness>[] = [
  ...FRESHNESS,
  { label: 'Runs (failed)', numeric: true, cell: (source) => `${source.runs} (${source.failedRuns})` },
  { label: 'Requests used', numeric: true, cell: (source) => count(source.requestsUsed) },
  { label: 'Rate limit left', numeric: true, cell: (source) => count(source.rateLimitRemaining) },
  { label: 'Latest error', cell: (source) => (source.lastStatus !== 'success' && source.lastError) || <span className="muted">none</span> },
];

/**
 * One row per source: how fresh its data is (last success) and how its latest run went; with `details`, also the
 * API budget used and left and the latest error.
 */
export async function SourcesTable({ details = false }: { details?: boolean }) {
  const sources = await listSourceFreshness({ db: await getDb() });
  if (sources.length === 0) {
    return (
      <EmptyState title="No source has run yet">
        <p className="muted">Import events, ingest a git repository or sync GitHub, and each source appears here with its last run.</p>
      </EmptyState>
    );
  }
  return <DataTable columns={details ? DETAILS : FRESHNESS} rows={sources} rowKey={(source) => source.source} caption="Last successful ingest per source" captionHidden testId="sources-table" />;
}

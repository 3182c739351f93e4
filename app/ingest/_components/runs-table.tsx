import { formatSeconds } from '@/lib/metrics/format-seconds';
import type { IngestStatus } from '@/lib/runs/get-ingest-status';
import { RunStatusBadge } from '../../_components/runs/run-status-badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { EmptyState } from '../../_components/ui/states';
import { TimeAgo } from '../../_components/ui/time-ago';
import { getCachedIngestStatus } from './get-cached-ingest-status';

type Run = IngestStatus['runs'][number];

const describeCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => `${value.toLocaleString('en-US')} ${key}`)
    .join(', ') || '—';

const took = (run: { startedAt: Date; finishedAt: Date | null }) => (run.finishedAt ? formatSeconds((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000) : '—');

const scope = (run: Run) => {
  if (run.repositories.length === 0) return run.scope ?? '—';
  const failed = run.repositories.filter((repository) => repository.status !== 'success');
  return `${run.repositories.length} repositories${failed.length > 0 ? ` (${failed.length} not succeeded: ${failed.map((repository) => repository.scope).join(', ')})` : ''}`;
};

const COLUMNS: Column<Run>[] = [
  {
    label: 'Job',
    cell: (run) => (
      <>
        {run.job} <span className="muted">({run.source})</span>
      </>
    ),
  },
  { label: 'Started', cell: (run) => <TimeAgo at={run.startedAt} /> },
  { label: 'Scope', cell: scope },
  { label: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
  { label: 'Took', numeric: true, cell: took },
  { label: 'Records', cell: (run) => describeCounts(run.counts) },
  { label: 'Requests used', numeric: true, cell: (run) => run.requestsUsed?.toLocaleString('en-US') ?? '—' },
  { label: 'Rate limit left', numeric: true, cell: (run) => run.rateLimitRemaining?.toLocaleString('en-US') ?? '—' },
  { label: 'Error', cell: (run) => run.error ?? <span className="muted">—</span> },
];

/** The latest runs of every job, newest first, with their per-repository runs summarized. */
export async function RunsTable() {
  const { runs } = await getCachedIngestStatus();
  if (runs.length === 0) return <EmptyState title="No runs yet" />;
  return <DataTable columns={COLUMNS} rows={runs.slice(0, 20)} rowKey={(run) => run.id} caption="The latest 20 runs, newest first" testId="runs-table" />;
}

import { getDb } from '@/lib/db/client';
import { listIngestRuns, type IngestRunRow } from '@/lib/runs/list-ingest-runs';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import { RunStatusBadge } from '../../_components/runs/run-status-badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { EmptyState } from '../../_components/ui/states';
import { TimeAgo } from '../../_components/ui/time-ago';

const describeCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => `${value.toLocaleString('en-US')} ${key}`)
    .join(', ') || '—';

const COLUMNS: Column<IngestRunRow>[] = [
  {
    label: 'Job',
    cell: (run) => (
      <>
        {run.job} <span className="muted">({run.source})</span>
      </>
    ),
  },
  { label: 'Started', cell: (run) => <TimeAgo at={run.startedAt} /> },
  { label: 'Scope', cell: (run) => run.scope ?? (run.children > 0 ? `${run.children} repositories` : '—') },
  { label: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
  { label: 'Took', numeric: true, cell: (run) => (run.finishedAt ? formatSeconds((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000) : '—') },
  { label: 'Records', cell: (run) => describeCounts(run.counts) },
  { label: 'Error', cell: (run) => run.error ?? <span className="muted">—</span> },
];

/** The latest runs of every job, newest first. */
export async function RunsTable() {
  const runs = await listIngestRuns({ db: await getDb(), limit: 20 });
  if (runs.length === 0) return <EmptyState title="No runs yet" />;
  return <DataTable columns={COLUMNS} rows={runs} rowKey={(run) => run.id} caption="The latest 20 runs, newest first" testId="runs-table" />;
}

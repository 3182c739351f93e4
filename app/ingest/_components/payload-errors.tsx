import type { IngestStatus } from '@/lib/runs/get-ingest-status';
import { DataTable, type Column } from '../../_components/ui/data-table';
import table from '../../_components/ui/table.module.css';
import { TimeAgo } from '../../_components/ui/time-ago';
import { getCachedIngestStatus } from './get-cached-ingest-status';

type Payload = IngestStatus['uninterpretable'][number];

const COLUMNS: Column<Payload>[] = [
  { label: 'Source', cell: (row) => row.source },
  { label: 'Kind', cell: (row) => row.kind },
  { label: 'Id', cell: (row) => <span className={table.mono}>{row.sourceId}</span> },
  { label: 'Why', cell: (row) => row.error },
  { label: 'Fetched', cell: (row) => <TimeAgo at={row.fetchedAt} /> },
];

/** Payloads a source delivered that could not be interpreted: kept, and listed with the reason, newest first. */
export async function PayloadErrors() {
  const { uninterpretable } = await getCachedIngestStatus();
  if (uninterpretable.length === 0) return <p className="muted">Every stored payload was interpreted.</p>;
  return <DataTable columns={COLUMNS} rows={uninterpretable.slice(0, 10)} rowKey={(row) => String(row.id)} caption={`The latest ${Math.min(10, uninterpretable.length)}`} testId="payload-errors" />;
}

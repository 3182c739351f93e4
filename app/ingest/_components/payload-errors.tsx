import { getDb } from '@/lib/db/client';
import { listPayloadErrors, type PayloadError } from '@/lib/runs/list-payload-errors';
import { DataTable, type Column } from '../../_components/ui/data-table';
import table from '../../_components/ui/table.module.css';
import { TimeAgo } from '../../_components/ui/time-ago';

const COLUMNS: Column<PayloadError>[] = [
  { label: 'Source', cell: (row) => row.source },
  { label: 'Kind', cell: (row) => row.kind },
  { label: 'Id', cell: (row) => <span className={table.mono}>{row.sourceId}</span> },
  { label: 'Why', cell: (row) => row.error },
  { label: 'Fetched', cell: (row) => <TimeAgo at={row.fetchedAt} /> },
];

/** Payloads a source delivered that could not be interpreted: kept, counted, and listed with the reason. */
export async function PayloadErrors() {
  const { total, latest } = await listPayloadErrors({ db: await getDb(), limit: 10 });
  if (total === 0) return <p className="muted">Every stored payload was interpreted.</p>;
  return <DataTable columns={COLUMNS} rows={latest} rowKey={(row) => `${row.source}:${row.kind}:${row.sourceId}`} caption={`${total.toLocaleString('en-US')} in all; the latest 10`} testId="payload-errors" />;
}

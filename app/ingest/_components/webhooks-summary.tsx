import type { IngestStatus } from '@/lib/runs/get-ingest-status';
import { DataTable, type Column } from '../../_components/ui/data-table';
import table from '../../_components/ui/table.module.css';
import { TimeAgo } from '../../_components/ui/time-ago';
import { getCachedIngestStatus } from './get-cached-ingest-status';

type Delivery = IngestStatus['deliveries'][number];
type Rejected = IngestStatus['rejected'][number];

const DELIVERIES: Column<Delivery>[] = [
  { label: 'Source', cell: (row) => row.source },
  { label: 'Event', cell: (row) => `${row.event}${row.action ? `.${row.action}` : ''}` },
  { label: 'Outcome', cell: (row) => (row.reason ? `${row.status}: ${row.reason}` : row.status) },
  { label: 'Received', cell: (row) => <TimeAgo at={row.receivedAt} /> },
];

const REJECTED: Column<Rejected>[] = [
  { label: 'Endpoint', cell: (row) => <span className={table.mono}>{row.endpoint}</span> },
  { label: 'Reason', cell: (row) => row.reason },
  { label: 'Day', cell: (row) => row.day },
  { label: 'Count', numeric: true, cell: (row) => row.count.toLocaleString('en-US') },
];

/** Webhook deliveries by outcome and the latest ones, and requests refused before anything was stored. */
export async function WebhooksSummary() {
  const { deliveries, deliveryCounts, rejected } = await getCachedIngestStatus();
  const outcomes = Object.entries(deliveryCounts);
  return (
    <>
      {deliveries.length === 0 ? (
        <p className="muted">
          No webhook deliveries. Point a GitHub webhook at <code>/api/webhooks/github</code> with <code>GITHUB_WEBHOOK_SECRET</code> set to receive changes as they happen.
        </p>
      ) : (
        <>
          <p data-testid="delivery-counts">{outcomes.map(([status, count]) => `${count.toLocaleString('en-US')} ${status}`).join(' · ')}</p>
          <DataTable columns={DELIVERIES} rows={deliveries.slice(0, 10)} rowKey={(row) => row.deliveryId} caption="The latest 10 deliveries" testId="deliveries-table" />
        </>
      )}
      {rejected.length === 0 ? (
        <p className="muted">No request was rejected.</p>
      ) : (
        <DataTable columns={REJECTED} rows={rejected.slice(0, 10)} rowKey={(row) => `${row.endpoint}:${row.reason}:${row.day}`} caption="Rejected requests by day (nothing was stored)" testId="rejected-table" />
      )}
    </>
  );
}

import { getDb } from '@/lib/db/client';
import { getWebhookSummary, type WebhookSummary } from '@/lib/runs/get-webhook-summary';
import { DataTable, type Column } from '../../_components/ui/data-table';
import table from '../../_components/ui/table.module.css';
import { TimeAgo } from '../../_components/ui/time-ago';

type Delivery = WebhookSummary['deliveries'][number];
type Rejected = WebhookSummary['rejected'][number];

const DELIVERIES: Column<Delivery>[] = [
  { label: 'Outcome', cell: (row) => row.status },
  { label: 'Count', numeric: true, cell: (row) => row.count.toLocaleString('en-US') },
  { label: 'Latest', cell: (row) => <TimeAgo at={row.lastAt} /> },
];

const REJECTED: Column<Rejected>[] = [
  { label: 'Endpoint', cell: (row) => <span className={table.mono}>{row.endpoint}</span> },
  { label: 'Reason', cell: (row) => row.reason },
  { label: 'Count', numeric: true, cell: (row) => row.count.toLocaleString('en-US') },
  { label: 'Latest', cell: (row) => <TimeAgo at={row.lastAt} /> },
];

/** Webhook deliveries of the last 7 days by outcome, the latest failures, and requests refused before anything was stored. */
export async function WebhooksSummary() {
  const summary = await getWebhookSummary({ db: await getDb(), days: 7 });
  return (
    <>
      {summary.deliveries.length === 0 ? (
        <p className="muted">
          No webhook deliveries. Point a GitHub webhook at <code>/api/webhooks/github</code> with <code>GITHUB_WEBHOOK_SECRET</code> set to receive changes as they happen.
        </p>
      ) : (
        <DataTable columns={DELIVERIES} rows={summary.deliveries} rowKey={(row) => row.status} caption="Webhook deliveries by outcome" testId="deliveries-table" />
      )}
      {summary.recentFailures.length > 0 ? (
        <ul>
          {summary.recentFailures.map((failure) => (
            <li key={failure.deliveryId}>
              <span className="muted">{failure.event}</span> {failure.reason ?? 'failed'} (<TimeAgo at={failure.receivedAt} />)
            </li>
          ))}
        </ul>
      ) : null}
      {summary.rejected.length === 0 ? (
        <p className="muted">No request was rejected.</p>
      ) : (
        <DataTable columns={REJECTED} rows={summary.rejected} rowKey={(row) => `${row.endpoint}:${row.reason}`} caption="Rejected requests (nothing was stored)" testId="rejected-table" />
      )}
    </>
  );
}

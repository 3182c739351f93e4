import type { Metadata } from 'next';
import Link from 'next/link';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { servicePath } from '@/lib/links/name-path';
import { listExemptionRequests } from '@/lib/scorecard/list-exemption-requests';
import { getViewer } from '../_components/auth/get-viewer';
import { formatDate, formatDateTime } from '@/lib/format/format-date';
import { Card } from '../_components/ui/card';
import { DataTable } from '../_components/ui/data-table';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState } from '../_components/ui/states';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Exemption requests' };

type Row = Awaited<ReturnType<typeof listExemptionRequests>>[number];

function Decision({ id }: { id: string }) {
  return (
    <form method="post" action={`/api/exemptions/${encodeURIComponent(id)}/decision`} data-testid={`decide-${id}`}>
      <input type="text" name="note" aria-label="Note (optional)" placeholder="Note (optional)" maxLength={2000} />{' '}
      <button type="submit" name="decision" value="approve">
        Approve
      </button>{' '}
      <button type="submit" name="decision" value="reject">
        Reject
      </button>
    </form>
  );
}

/** Owners' exemption requests waiting for a decision; the platform team approves or rejects them here. */
export default async function ExemptionsPage() {
  const viewer = await getViewer();
  const rows = await listExemptionRequests({ db: await getDb() });
  const decides = viewer !== null && hasRole(viewer, 'platform');
  return (
    <>
      <PageHeader
        title="Exemption requests"
        lede="Service owners ask for time to meet a check; a request exempts nothing until the platform team approves it. Every decision is in the audit log."
      />
      <Card title="Waiting for a decision">
        {rows.length === 0 ? (
          <EmptyState title="No requests are waiting">Owners request exemptions from a failing check on their service&apos;s page.</EmptyState>
        ) : (
          <DataTable<Row>
            caption="Exemption requests waiting for a decision"
            captionHidden
            testId="exemption-requests"
            rows={rows}
            rowKey={(row) => row.id}
            columns={[
              { label: 'Service', cell: (row) => <Link href={servicePath(row.service)}>{row.service}</Link> },
              { label: 'Check', cell: (row) => row.check },
              { label: 'Reason', cell: (row) => row.reason },
              { label: 'Until', cell: (row) => formatDate(`${row.expires}T00:00:00Z`) },
              { label: 'Requested', cell: (row) => `${row.requestedBy}, ${formatDateTime(row.requestedAt)}` },
              ...(decides ? [{ label: 'Decision', cell: (row: Row) => <Decision id={row.id} /> }] : []),
            ]}
          />
        )}
      </Card>
    </>
  );
}

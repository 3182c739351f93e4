import type { Metadata } from 'next';
import { listAudit } from '@/lib/audit/list-audit';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { getViewer } from '../_components/auth/get-viewer';
import { formatDateTime } from '@/lib/format/format-date';
import { Card } from '../_components/ui/card';
import { DataTable } from '../_components/ui/data-table';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState, ErrorState } from '../_components/ui/states';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

type Row = Awaited<ReturnType<typeof listAudit>>[number];

export default async function AuditPage() {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, 'platform')) {
    return (
      <>
        <PageHeader title="Audit log" />
        <ErrorState title="The audit log is for the platform team">Ask an admin for the platform role.</ErrorState>
      </>
    );
  }
  const rows = await listAudit({ db: await getDb(), limit: 200 });
  return (
    <>
      <PageHeader title="Audit log" lede="Every write: who, in which role, what, on what, when and from where. Newest first; GET /api/v1/audit pages further back." />
      <Card title="Latest 200 writes">
        {rows.length === 0 ? (
          <EmptyState title="Nothing has been written yet" />
        ) : (
          <DataTable<Row>
            caption="Audit log"
            captionHidden
            testId="audit-table"
            rows={rows}
            rowKey={(row) => String(row.id)}
            columns={[
              { label: 'When', cell: (row) => formatDateTime(row.at) },
              { label: 'Who', cell: (row) => `${row.actor} (${row.actorRole})` },
              { label: 'Action', cell: (row) => row.action },
              { label: 'Target', cell: (row) => row.target ?? '—' },
              { label: 'Detail', cell: (row) => (row.detail ? <code>{JSON.stringify(row.detail)}</code> : '—') },
              { label: 'From', cell: (row) => row.address ?? '—' },
            ]}
          />
        )}
      </Card>
    </>
  );
}

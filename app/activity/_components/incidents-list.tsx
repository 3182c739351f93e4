import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import { listIncidents, type ListedIncident } from '@/lib/metrics/list-incidents';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatDateTime } from '@/lib/format/format-date';
import { Badge } from '../../_components/ui/badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { Pager } from '../../_components/ui/pager';
import { EmptyState } from '../../_components/ui/states';
import { PAGE_SIZE } from './read-page';
import { SourceLink } from './source-link';
import { servicePath } from '@/lib/links/name-path';

const COLUMNS: Column<ListedIncident>[] = [
  { label: 'Incident', cell: (row) => <SourceLink url={row.url} label={row.sourceId} source={row.source} /> },
  { label: 'Title', cell: (row) => row.title ?? <span className="muted">—</span> },
  { label: 'Service', cell: (row) => <Link href={servicePath(row.service)}>{row.service}</Link> },
  { label: 'Severity', cell: (row) => row.severity ?? '—' },
  { label: 'Opened', cell: (row) => formatDateTime(row.openedAt) },
  { label: 'Restored in', numeric: true, cell: (row) => (row.restoreSeconds === null ? <Badge value="fail" label="Open" /> : formatSeconds(row.restoreSeconds)) },
];

type IncidentsListProps = { scope: MetricsScope; window: MetricsWindow; of: 'restored' | 'attributed'; offset: number; pageHref?: (offset: number) => string; limit?: number; caption: string };

/** Incidents resolved in the window (time to restore) or attributed to its deployments (failures), newest first, one page. */
export async function IncidentsList({ scope, window, of, offset, pageHref, limit = PAGE_SIZE, caption }: IncidentsListProps) {
  const page = await listIncidents({ db: await getDb(), scope, window, filter: { of }, limit, offset });
  if (page.total === 0) return <EmptyState title="No incidents in this period" />;
  return (
    <>
      <DataTable columns={COLUMNS} rows={page.items} rowKey={(row) => row.id} caption={`${page.total.toLocaleString('en-US')} ${caption}`} testId="incidents-list" />
      {pageHref ? <Pager offset={page.offset} limit={page.limit} total={page.total} href={pageHref} /> : null}
    </>
  );
}

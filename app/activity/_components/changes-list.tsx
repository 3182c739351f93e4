import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import { listChanges, type ListedChange } from '@/lib/metrics/list-changes';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatDateTime } from '@/lib/format/format-date';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { Pager } from '../../_components/ui/pager';
import { EmptyState } from '../../_components/ui/states';
import { PAGE_SIZE } from './read-page';
import { SourceLink } from './source-link';
import { servicePath } from '@/lib/links/name-path';

const COLUMNS: Column<ListedChange>[] = [
  { label: 'Commit', cell: (row) => <SourceLink url={row.url} label={row.sha.slice(0, 7)} source={row.source} /> },
  { label: 'Title', cell: (row) => row.title ?? <span className="muted">—</span> },
  { label: 'Service', cell: (row) => <Link href={servicePath(row.service)}>{row.service}</Link> },
  { label: 'Authored', cell: (row) => formatDateTime(row.authoredAt) },
  { label: 'Deployed', cell: (row) => formatDateTime(row.deployedAt) },
  { label: 'Lead time', numeric: true, cell: (row) => formatSeconds(row.leadSeconds) },
];

type ChangesListProps = { scope: MetricsScope; window: MetricsWindow; deploymentId: string | null; offset: number; pageHref?: (offset: number) => string; limit?: number; caption: string };

/** The commits behind the lead time (first shipped in the window), longest lead time first, one page. */
export async function ChangesList({ scope, window, deploymentId, offset, pageHref, limit = PAGE_SIZE, caption }: ChangesListProps) {
  const page = await listChanges({ db: await getDb(), scope, window, filter: deploymentId ? { deploymentId } : undefined, limit, offset });
  if (page.total === 0) return <EmptyState title="No changes reached production in this period" />;
  return (
    <>
      <DataTable columns={COLUMNS} rows={page.items} rowKey={(row) => `${row.deploymentId}:${row.sha}`} caption={`${page.total.toLocaleString('en-US')} ${caption}`} testId="changes-list" />
      {pageHref ? <Pager offset={page.offset} limit={page.limit} total={page.total} href={pageHref} /> : null}
    </>
  );
}

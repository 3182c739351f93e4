import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import { listDeployments, type ListedDeployment } from '@/lib/metrics/list-deployments';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatDateTime } from '@/lib/format/format-date';
import { Badge } from '../../_components/ui/badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { Pager } from '../../_components/ui/pager';
import { EmptyState } from '../../_components/ui/states';
import { PAGE_SIZE } from './read-page';
import { SourceLink } from './source-link';
import { servicePath } from '@/lib/links/name-path';

const outcome = (row: ListedDeployment) => (
  <>
    {row.failed ? <Badge value="fail" label="Failed" /> : <Badge value="pass" label="Succeeded" />} {row.rework ? <Badge value="unknown" label="Rework" /> : null}
    {row.failed ? <div className="muted">{row.recoverySeconds === null ? 'not recovered' : `recovered in ${formatSeconds(row.recoverySeconds)}`}</div> : null}
  </>
);

type DeploymentsListProps = { scope: MetricsScope; window: MetricsWindow; status: string | null; offset: number; pageHref?: (offset: number) => string; changesHref: (deploymentId: string) => string; limit?: number; caption: string };

/** The counted production deployments of a scope and window (optionally only failed or rework), newest first, one page. */
export async function DeploymentsList({ scope, window, status, offset, pageHref, changesHref, limit = PAGE_SIZE, caption }: DeploymentsListProps) {
  const filter = status === 'failed' ? { failed: true } : status === 'rework' ? { rework: true } : undefined;
  const page = await listDeployments({ db: await getDb(), scope, window, filter, limit, offset });
  if (page.total === 0) return <EmptyState title="No deployments in this period" />;
  const columns: Column<ListedDeployment>[] = [
    { label: 'Deployment', cell: (row) => <SourceLink url={row.url} label={row.sourceId} source={row.source} /> },
    { label: 'Service', cell: (row) => <Link href={servicePath(row.service)}>{row.service}</Link> },
    { label: 'Finished', cell: (row) => formatDateTime(row.finishedAt) },
    { label: 'Outcome', cell: outcome },
    {
      label: 'Changes',
      cell: (row) => (
        <Link href={changesHref(row.id)}>
          Commits<span className="visually-hidden"> shipped by {row.sourceId}</span> →
        </Link>
      ),
    },
  ];
  return (
    <>
      <DataTable columns={columns} rows={page.items} rowKey={(row) => row.id} caption={`${page.total.toLocaleString('en-US')} ${caption}`} testId="deployments-list" />
      {pageHref ? <Pager offset={page.offset} limit={page.limit} total={page.total} href={pageHref} /> : null}
    </>
  );
}

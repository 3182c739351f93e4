import Link from 'next/link';
import { listServices, type ServiceRow } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db/client';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { SortHeader, type SortDirection } from '../../_components/ui/sort-header';
import { sortRows } from '../../_components/ui/sort-rows';
import { EmptyState } from '../../_components/ui/states';

export const SERVICE_COLUMNS = ['service', 'team', 'lifecycle', 'tier'] as const;
export type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

type ServicesTableProps = { query: string; sort: ServiceColumn; dir: SortDirection };

const VALUES: Record<ServiceColumn, (row: ServiceRow) => string | number | null> = {
  service: (row) => row.name,
  team: (row) => row.team,
  lifecycle: (row) => row.lifecycle,
  tier: (row) => row.tier,
};

const muted = (value: string | null) => value ?? <span className="muted">—</span>;

/** Every service with its owner, sortable by any column and filtered by a search over name, team and repository. */
export async function ServicesTable({ query, sort, dir }: ServicesTableProps) {
  const services = await listServices({ db: await getDb() });
  const needle = query.toLowerCase();
  const matching = services.filter((row) => !needle || [row.name, row.team, row.repository].some((value) => value?.toLowerCase().includes(needle)));
  if (matching.length === 0) {
    return <EmptyState title={`No service matches “${query}”`}>{<Link href="/services">Clear the search</Link>}</EmptyState>;
  }
  const href = (column: string, direction: SortDirection) => `/services?${new URLSearchParams({ ...(query ? { q: query } : {}), sort: column, dir: direction })}`;
  const header = (label: string, column: ServiceColumn, numeric?: boolean) => <SortHeader label={label} column={column} sort={sort} dir={dir} href={href} numeric={numeric} />;
  const columns: Column<ServiceRow>[] = [
    { label: 'Service', header: header('Service', 'service'), cell: (row) => <Link href={`/services/${encodeURIComponent(row.name)}`}>{row.name}</Link> },
    { label: 'Team', header: header('Team', 'team'), cell: (row) => (row.team ? <Link href={`/teams/${encodeURIComponent(row.team)}`}>{row.team}</Link> : muted(null)) },
    { label: 'Lifecycle', header: header('Lifecycle', 'lifecycle'), cell: (row) => muted(row.lifecycle) },
    { label: 'Tier', header: header('Tier', 'tier'), cell: (row) => muted(row.tier) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={sortRows(matching, VALUES[sort], dir)}
      rowKey={(row) => row.name}
      caption={`${matching.length} of ${services.length} services${query ? ` matching “${query}”` : ''}`}
      testId="services-table"
    />
  );
}

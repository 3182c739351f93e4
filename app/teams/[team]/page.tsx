import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listServices, type ServiceRow } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db/client';
import { DoraSection } from '../../_components/dora/dora-section';
import { FilterBar } from '../../_components/filters/filter-bar';
import { getDefaultDays } from '../../_components/filters/get-default-days';
import { readFilters, toWindow, type SearchParams } from '../../_components/filters/read-filters';
import { Card } from '../../_components/ui/card';
import { PageHeader } from '../../_components/ui/page-header';
import { DataTable, type Column } from '../../_components/ui/data-table';

export const dynamic = 'force-dynamic';

const SERVICE_COLUMNS: Column<ServiceRow>[] = [
  { label: 'Service', cell: (service) => <Link href={`/services/${encodeURIComponent(service.name)}`}>{service.name}</Link> },
  { label: 'Lifecycle', cell: (service) => service.lifecycle ?? '—' },
  { label: 'Tier', cell: (service) => service.tier ?? '—' },
];

type Props = { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).team) };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const team = decodeURIComponent((await params).team);
  const services = await listServices({ db: await getDb(), team });
  // A team exists only through the services that name it.
  if (services.length === 0) notFound();
  const defaultDays = getDefaultDays();
  const filters = { ...readFilters(await searchParams, defaultDays), team: null, service: null };
  const path = `/teams/${encodeURIComponent(team)}`;
  return (
    <>
      <PageHeader eyebrow={<Link href="/teams">Teams</Link>} title={team} lede={`${services.length} ${services.length === 1 ? 'service' : 'services'} owned by ${team}.`} />
      <FilterBar action={path} filters={filters} defaultDays={defaultDays} />
      <DoraSection scope={{ team }} scopeLabel={team} window={toWindow(filters)} days={filters.days} />
      <Card title="Services">
        <DataTable columns={SERVICE_COLUMNS} rows={services} rowKey={(service) => service.name} caption={`Services owned by ${team}`} captionHidden testId="team-services" />
      </Card>
    </>
  );
}

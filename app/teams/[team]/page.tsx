import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listOwnershipChanges } from '@/lib/catalog/list-ownership-changes';
import { listServices } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db/client';
import { drillHref } from '../../activity/_components/drill-href';
import { DoraSection } from '../../_components/dora/dora-section';
import { ServiceSpread } from '../../_components/dora/service-spread';
import { FilterBar } from '../../_components/filters/filter-bar';
import { getDefaultDays } from '../../_components/filters/get-default-days';
import { filterHref, readFilters, type SearchParams } from '../../_components/filters/read-filters';
import { resolveWindow } from '../../_components/filters/resolve-window';
import { readEdition } from '../../_components/filters/read-edition';
import { Card } from '../../_components/ui/card';
import { PageHeader } from '../../_components/ui/page-header';
import { formatWindow } from '../../_components/format/format-window';
import { readSort } from '../../_components/ui/sort-rows';
import { Widget } from '../../_components/ui/widget';
import { OwnershipChanges } from './_components/ownership-changes';
import { SERVICE_COLUMNS, ServicesTable } from '../../services/_components/services-table';
import { teamPath, nameFromPageParam } from '@/lib/links/name-path';
import { formatCount } from '@/lib/format/format-count';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: nameFromPageParam((await params).team) };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const team = nameFromPageParam((await params).team);
  const db = await getDb();
  const [services, changes] = await Promise.all([listServices({ db, team }), listOwnershipChanges({ db, team })]);
  // A team exists only through the services that name it, now or before (its history stays readable).
  if (services.length === 0 && changes.length === 0) notFound();
  const defaultDays = getDefaultDays();
  const search = await searchParams;
  const filters = { ...readFilters(search, defaultDays), team: null, service: null };
  const edition = readEdition(search);
  const { window, days } = await resolveWindow(filters, { team });
  const { sort, dir } = readSort(search, SERVICE_COLUMNS, 'service');
  const path = teamPath(team);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/teams">Teams</Link>}
        title={team}
        lede={
          <>
            {formatCount(services.length, 'service')} owned by {team}
            {services.some((service) => service.team !== team) ? ' and the teams below it' : ''}.{' '}
            <Link href={`${path}/todo`}>What to fix next</Link>
          </>
        }
        actions={<FilterBar action={path} filters={filters} defaultDays={defaultDays} compact />}
      />
      <DoraSection
        scope={{ team }}
        scopeLabel={team}
        window={window}
        days={days}
        allTimeHref={filterHref(path, { ...filters, all: true, from: null, to: null }, defaultDays)}
        edition={edition}
        editionHref={(choice) => filterHref(path, filters, defaultDays, { edition: choice })}
        drillHref={(figure) => drillHref(figure.drill, { ...filters, team }, defaultDays)}
      />
      <OwnershipChanges team={team} changes={changes} />
      <Card title="Spread across services" hint={`${team}'s figure pools its services; here is each one`}>
        <Widget label="Spread across services" height={360}>
          <ServiceSpread team={team} window={window} edition={edition} />
        </Widget>
      </Card>
      <Card title="Services" hint={`Figures over ${formatWindow(window)}`}>
        <Widget label="Services" height={300}>
          <ServicesTable
            query=""
            sort={sort}
            dir={dir}
            window={window}
            team={team}
            href={(column, direction) => filterHref(path, filters, defaultDays, { sort: column, dir: direction })}
          />
        </Widget>
      </Card>
    </>
  );
}

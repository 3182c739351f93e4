import type { Metadata } from 'next';
import Link from 'next/link';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { getDb } from '@/lib/db/client';
import { drillHref } from './activity/_components/drill-href';
import { DoraSection } from './_components/dora/dora-section';
import { ServiceSpread } from './_components/dora/service-spread';
import { FilterBar } from './_components/filters/filter-bar';
import { getDefaultDays } from './_components/filters/get-default-days';
import { filterHref, readFilters, type SearchParams } from './_components/filters/read-filters';
import { resolveWindow } from './_components/filters/resolve-window';
import { readEdition } from './_components/filters/read-edition';
import { AdoptionSummary } from './_components/scorecard/adoption-summary';
import { SourcesTable } from './_components/runs/sources-table';
import { Card } from './_components/ui/card';
import { ConnectSource } from './_components/ui/connect-source';
import { PageHeader } from './_components/ui/page-header';
import ui from './_components/ui/ui.module.css';
import { Widget } from './_components/ui/widget';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const defaultDays = getDefaultDays();
  const search = await searchParams;
  const filters = readFilters(search, defaultDays);
  const edition = readEdition(search);
  const presence = await getDataPresence({ db: await getDb() });
  const lede = 'How the organization delivers software, how far it is along the golden path, and how fresh the data is.';
  if (!presence.hasServices) {
    return (
      <>
        <PageHeader title="Overview" lede={lede} />
        <ConnectSource title="Waymark has no data yet" />
      </>
    );
  }
  const { window, days } = await resolveWindow(filters, { org: true });
  return (
    <>
      <PageHeader title="Overview" lede={lede} actions={<FilterBar action="/" filters={filters} defaultDays={defaultDays} compact />} />
      <DoraSection
        scope={{ org: true }}
        scopeLabel="the organization"
        window={window}
        days={days}
        allTimeHref={filterHref('/', { ...filters, all: true, from: null, to: null }, defaultDays)}
        edition={edition}
        editionHref={(choice) => filterHref('/', filters, defaultDays, { edition: choice })}
        drillHref={(figure) => drillHref(figure.drill, filters, defaultDays)}
      />
      <Card title="Spread across services" hint="The organization's figure pools every service; here is each one">
        <Widget label="Spread across services" height={360}>
          <ServiceSpread window={window} edition={edition} />
        </Widget>
      </Card>
      <div className={ui.twoCol}>
        <Card title="Golden-path adoption" hint={<Link href="/adoption">Adoption →</Link>}>
          <Widget label="Golden-path adoption">
            <AdoptionSummary />
          </Widget>
        </Card>
        <Card title="Data freshness" hint={<Link href="/ingest">Ingest status →</Link>}>
          <Widget label="Data freshness">
            <SourcesTable />
          </Widget>
        </Card>
      </div>
    </>
  );
}

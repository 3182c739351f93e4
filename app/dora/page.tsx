import type { Metadata } from 'next';
import Link from 'next/link';
import { DoraSection } from '../_components/dora/dora-section';
import { TrendGrid } from '../_components/dora/trend-grid';
import { FilterBar } from '../_components/filters/filter-bar';
import { filterHref, type SearchParams } from '../_components/filters/read-filters';
import { readEdition } from '../_components/filters/read-edition';
import { readScopeFilters } from '../_components/filters/read-scope-filters';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState } from '../_components/ui/states';
import { drillHref } from '../activity/_components/drill-href';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'DORA trends' };

export default async function DoraTrendsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = await searchParams;
  const { defaultDays, filters, window, days, scope, scopeLabel, teams, services, unknown } = await readScopeFilters(search);
  const edition = readEdition(search);
  const allTimeHref = filterHref('/dora', { ...filters, all: true, from: null, to: null }, defaultDays);
  const header = <PageHeader title="DORA trends" lede="The four keys and rework rate per week or month, against the DORA performance bands. Filter by team, service and period; the address keeps the view." />;
  if (services.length === 0) {
    return (
      <>
        {header}
        <ConnectSource />
      </>
    );
  }
  return (
    <>
      {header}
      <FilterBar action="/dora" filters={filters} defaultDays={defaultDays} teams={teams} services={services} showBucket />
      {unknown ? (
        <EmptyState title={`No ${unknown} is known`}>
          <p className="muted">No source has reported it. Pick another from the filters.</p>
          <Link href="/dora">Show the whole organization</Link>
        </EmptyState>
      ) : (
        <>
          <DoraSection
            scope={scope}
            scopeLabel={scopeLabel}
            window={window}
            days={days}
            allTimeHref={allTimeHref}
            edition={edition}
            editionHref={(choice) => filterHref('/dora', filters, defaultDays, { edition: choice })}
            drillHref={(figure) => drillHref(figure.drill, filters, defaultDays)}
          />
          <TrendGrid scope={scope} window={window} bucket={filters.bucket} allTimeHref={allTimeHref} />
        </>
      )}
    </>
  );
}

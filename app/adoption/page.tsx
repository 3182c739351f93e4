import type { Metadata } from 'next';
import { FilterBar } from '../_components/filters/filter-bar';
import type { SearchParams } from '../_components/filters/read-filters';
import { readScopeFilters } from '../_components/filters/read-scope-filters';
import { formatWindow } from '../_components/format/format-window';
import { Card } from '../_components/ui/card';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import { Widget } from '../_components/ui/widget';
import { CheckAdoption } from './_components/check-adoption';
import { LevelDistribution } from './_components/level-distribution';
import { RegressionsList } from './_components/regressions-list';
import { WEEK_MS } from '@/lib/format/time-units';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Adoption' };


export default async function AdoptionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { defaultDays, filters, window, teams, services } = await readScopeFilters(await searchParams);
  const header = <PageHeader title="Adoption" lede="How the golden path spreads: per check, the share of services passing over time; how many services sit at each level; and who went backwards this week." />;
  if (services.length === 0) {
    return (
      <>
        {header}
        <ConnectSource />
      </>
    );
  }
  const team = filters.team ?? undefined;
  // The last day in the window, for the snapshot series (whole days).
  const to = new Date(window.to.getTime() - 1);
  return (
    <>
      {header}
      <FilterBar action="/adoption" filters={{ ...filters, service: null }} defaultDays={defaultDays} teams={teams} />
      <Card title="Services that regressed this week" hint="Last 7 days">
        <Widget label="Regressions">
          <RegressionsList since={new Date(window.to.getTime() - WEEK_MS)} team={team} />
        </Widget>
      </Card>
      <Card title="Level distribution over time" hint={formatWindow(window)}>
        <Widget label="Level distribution" height={260}>
          <LevelDistribution from={window.from} to={to} team={team} />
        </Widget>
      </Card>
      <Card title="Checks passing over time" hint={formatWindow(window)}>
        <Widget label="Check adoption" height={360}>
          <CheckAdoption from={window.from} to={to} team={team} />
        </Widget>
      </Card>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { getDb } from '@/lib/db/client';
import { FilterBar } from '../_components/filters/filter-bar';
import { getDefaultDays } from '../_components/filters/get-default-days';
import { readFilters, type SearchParams } from '../_components/filters/read-filters';
import { resolveWindow } from '../_components/filters/resolve-window';
import { formatWindow } from '../_components/format/format-window';
import { Card } from '../_components/ui/card';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import { Widget } from '../_components/ui/widget';
import { DownloadCsv } from '../_components/ui/download-csv';
import { TeamsTable } from './_components/teams-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const defaultDays = getDefaultDays();
  const filters = { ...readFilters(await searchParams, defaultDays), team: null, service: null };
  const { window } = await resolveWindow(filters, { org: true });
  const presence = await getDataPresence({ db: await getDb() });
  return (
    <>
      <PageHeader
        title="Teams"
        lede={
          <>
            Each team&apos;s services, delivery figures and golden-path levels. <Link href="/teams/compare">Compare teams over time →</Link>
          </>
        }
        actions={<FilterBar action="/teams" filters={filters} defaultDays={defaultDays} compact />}
      />
      {presence.hasServices ? (
        <Card
          title="All teams"
          hint={
            <>
              Figures over {formatWindow(window)} <DownloadCsv action="/api/metrics/teams/export.csv" params={{ from: window.from.toISOString(), to: window.to.toISOString() }} label="Download DORA figures (CSV)" />
            </>
          }
        >
          <Widget label="Teams" height={300}>
            <TeamsTable window={window} />
          </Widget>
        </Card>
      ) : (
        <ConnectSource title="No teams yet" />
      )}
    </>
  );
}

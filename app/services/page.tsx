import type { Metadata } from 'next';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { getDb } from '@/lib/db/client';
import { readOffset } from '../activity/_components/read-page';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import { SearchBox } from '../_components/ui/search-box';
import { readSort } from '../_components/ui/sort-rows';
import { Widget } from '../_components/ui/widget';
import { FilterBar } from '../_components/filters/filter-bar';
import { getDefaultDays } from '../_components/filters/get-default-days';
import { filterHref, rangeParams, readFilters, type SearchParams } from '../_components/filters/read-filters';
import { resolveWindow } from '../_components/filters/resolve-window';
import { formatWindow } from '../_components/format/format-window';
import { Card } from '../_components/ui/card';
import type { SortDirection } from '../_components/ui/sort-header';
import { DownloadCsv } from '../_components/ui/download-csv';
import { SERVICE_COLUMNS, ServicesTable } from './_components/services-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Services' };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim() ?? '';
  const { sort, dir } = readSort(params, SERVICE_COLUMNS, 'service');
  const defaultDays = getDefaultDays();
  const filters = { ...readFilters(params, defaultDays), team: null, service: null };
  const { window } = await resolveWindow(filters, { org: true });
  const href = (column: string, direction: SortDirection) =>
    filterHref('/services', filters, defaultDays, { q: query || null, sort: column, dir: direction });
  const pageHref = (offset: number) =>
    filterHref('/services', filters, defaultDays, { q: query || null, sort, dir, offset: offset || null });
  const presence = await getDataPresence({ db: await getDb() });
  return (
    <>
      <PageHeader
        title="Services"
        lede="Every service Waymark knows, its owner, golden-path level and delivery figures. Sort by any column; search by name, team or repository."
        actions={
          <FilterBar
            action="/services"
            filters={filters}
            defaultDays={defaultDays}
            keep={{ q: query || null, sort, dir }}
            compact
          />
        }
      />
      {presence.hasServices ? (
        <>
          <SearchBox
            action="/services"
            query={query}
            label="Find a service"
            placeholder="Name, team or repository"
            keep={{ sort, dir, ...rangeParams(filters, defaultDays) }}
          />
          <Card
            title="All services"
            hint={
              <>
                Figures over {formatWindow(window)}{' '}
                <DownloadCsv action="/api/scorecards/export.csv" params={{}} label="Download scorecards (CSV)" />
              </>
            }
          >
            <Widget label="Services" height={400}>
              <ServicesTable
                query={query}
                sort={sort}
                dir={dir}
                window={window}
                href={href}
                page={{ offset: readOffset(params), href: pageHref }}
              />
            </Widget>
          </Card>
        </>
      ) : (
        <ConnectSource title="No services yet" />
      )}
    </>
  );
}

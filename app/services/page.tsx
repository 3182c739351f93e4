import type { Metadata } from 'next';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { getDb } from '@/lib/db/client';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import { SearchBox } from '../_components/ui/search-box';
import { readSort } from '../_components/ui/sort-rows';
import { Widget } from '../_components/ui/widget';
import type { SearchParams } from '../_components/filters/read-filters';
import { SERVICE_COLUMNS, ServicesTable } from './_components/services-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Services' };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim() ?? '';
  const { sort, dir } = readSort(params, SERVICE_COLUMNS, 'service');
  const presence = await getDataPresence({ db: await getDb() });
  return (
    <>
      <PageHeader title="Services" lede="Every service Waymark knows, its owner, golden-path level and delivery figures. Sort by any column; search by name, team or repository." />
      {presence.hasServices ? (
        <>
          <SearchBox action="/services" query={query} label="Find a service" placeholder="Name, team or repository" keep={{ sort, dir }} />
          <Widget label="Services" height={400}>
            <ServicesTable query={query} sort={sort} dir={dir} />
          </Widget>
        </>
      ) : (
        <ConnectSource title="No services yet" />
      )}
    </>
  );
}

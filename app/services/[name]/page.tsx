import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getService } from '@/lib/catalog/get-service';
import { getDb } from '@/lib/db/client';
import { DoraSection } from '../../_components/dora/dora-section';
import { FilterBar } from '../../_components/filters/filter-bar';
import { getDefaultDays } from '../../_components/filters/get-default-days';
import { readFilters, toWindow, type SearchParams } from '../../_components/filters/read-filters';
import { PageHeader } from '../../_components/ui/page-header';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const service = await getService({ db: await getDb(), name });
  if (!service) notFound();
  const defaultDays = getDefaultDays();
  const filters = { ...readFilters(await searchParams, defaultDays), team: null, service: null };
  const window = toWindow(filters);
  const path = `/services/${encodeURIComponent(service.name)}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/services">Services</Link>
            {service.team ? (
              <>
                {' · owned by '}
                <Link href={`/teams/${encodeURIComponent(service.team)}`}>{service.team}</Link>
              </>
            ) : null}
          </>
        }
        title={service.name}
        lede={
          [service.lifecycle && `Lifecycle: ${service.lifecycle}`, service.tier && `Tier ${service.tier}`, service.repository && `Repository: ${service.repository}`, service.tags.length > 0 && `Tags: ${service.tags.join(', ')}`]
            .filter(Boolean)
            .join(' · ')
        }
      />
      <FilterBar action={path} filters={filters} defaultDays={defaultDays} />
      <DoraSection scope={{ service: service.name }} scopeLabel={service.name} window={window} days={filters.days} />
    </>
  );
}

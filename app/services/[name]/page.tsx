import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { canActOnService } from '@/lib/auth/roles';
import { getService } from '@/lib/catalog/get-service';
import { getDb } from '@/lib/db/client';
import { drillHref } from '../../activity/_components/drill-href';
import { ChangesList } from '../../activity/_components/changes-list';
import { DeploymentsList } from '../../activity/_components/deployments-list';
import { IncidentsList } from '../../activity/_components/incidents-list';
import { getViewer } from '../../_components/auth/get-viewer';
import { Card } from '../../_components/ui/card';
import ui from '../../_components/ui/ui.module.css';
import { Widget } from '../../_components/ui/widget';
import { TrendGrid } from '../../_components/dora/trend-grid';
import { ServiceScorecard } from '../../_components/scorecard/service-scorecard';
import { DoraSection } from '../../_components/dora/dora-section';
import { FilterBar } from '../../_components/filters/filter-bar';
import { getDefaultDays } from '../../_components/filters/get-default-days';
import { filterHref, readFilters, type SearchParams } from '../../_components/filters/read-filters';
import { resolveWindow } from '../../_components/filters/resolve-window';
import { readEdition } from '../../_components/filters/read-edition';
import { PageHeader } from '../../_components/ui/page-header';
import { servicePath, teamPath, nameFromPageParam } from '@/lib/links/name-path';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: nameFromPageParam((await params).name) };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const name = nameFromPageParam((await params).name);
  const service = await getService({ db: await getDb(), name });
  if (!service) notFound();
  const viewer = await getViewer();
  const defaultDays = getDefaultDays();
  const search = await searchParams;
  const filters = { ...readFilters(search, defaultDays), team: null, service: null };
  const edition = readEdition(search);
  const path = servicePath(service.name);
  const allTimeHref = filterHref(path, { ...filters, all: true, from: null, to: null }, defaultDays);
  const scope = { service: service.name };
  const { window, days } = await resolveWindow(filters, scope);
  const scoped = { ...filters, service: service.name };
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/services">Services</Link>
            {service.team ? (
              <>
                {' · owned by '}
                <Link href={teamPath(service.team)}>{service.team}</Link>
              </>
            ) : null}
          </>
        }
        title={service.name}
        actions={<FilterBar action={path} filters={filters} defaultDays={defaultDays} compact />}
        lede={
          [service.lifecycle && `Lifecycle: ${service.lifecycle}`, service.tier && `Tier ${service.tier}`, service.repository && `Repository: ${service.repository}`, service.tags.length > 0 && `Tags: ${service.tags.join(', ')}`]
            .filter(Boolean)
            .join(' · ')
        }
      />
      <Card title="What to do next" hint={<Link href="/standards">Standards →</Link>}>
        <Widget label="Scorecard" height={400}>
          <ServiceScorecard service={service.name} canRequest={viewer !== null && canActOnService(viewer, service.team)} />
        </Widget>
      </Card>
      <DoraSection
        scope={scope}
        scopeLabel={service.name}
        window={window}
        days={days}
        allTimeHref={allTimeHref}
        edition={edition}
        editionHref={(choice) => filterHref(path, filters, defaultDays, { edition: choice })}
        drillHref={(figure) => drillHref(figure.drill, scoped, defaultDays)}
      />
      <h2>Trends</h2>
      <TrendGrid scope={scope} window={window} bucket="week" headingLevel={3} allTimeHref={allTimeHref} />
      <h2>Recent activity</h2>
      <div className={ui.stack}>
        <Card title="Deployments" hint={<Link href={drillHref({ kind: 'deployments' }, scoped, defaultDays)}>All deployments →</Link>} headingLevel={3}>
          <Widget label="Recent deployments">
            <DeploymentsList scope={scope} window={window} status={null} offset={0} limit={8} caption="production deployments; the latest 8" changesHref={(deployment) => drillHref({ kind: 'changes' }, scoped, defaultDays, { deployment })} />
          </Widget>
        </Card>
        <Card title="Incidents" hint={<Link href={drillHref({ kind: 'incidents' }, scoped, defaultDays)}>All incidents →</Link>} headingLevel={3}>
          <Widget label="Recent incidents">
            <IncidentsList scope={scope} window={window} of="restored" offset={0} limit={8} caption="incidents resolved in the period; the latest 8" />
          </Widget>
        </Card>
      </div>
      <Card title="Changes" hint={<Link href={drillHref({ kind: 'changes' }, scoped, defaultDays)}>All changes →</Link>} headingLevel={3}>
        <Widget label="Recent changes">
          <ChangesList scope={scope} window={window} deploymentId={null} offset={0} limit={8} caption="commits shipped in the period; the 8 with the longest lead time" />
        </Widget>
      </Card>
    </>
  );
}

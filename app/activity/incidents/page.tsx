import type { Metadata } from 'next';
import type { SearchParams } from '../../_components/filters/read-filters';
import { readScopeFilters } from '../../_components/filters/read-scope-filters';
import { Widget } from '../../_components/ui/widget';
import { ActivityFrame } from '../_components/activity-frame';
import { drillHref } from '../_components/drill-href';
import { IncidentsList } from '../_components/incidents-list';
import { readOffset, readParam } from '../_components/read-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const context = await readScopeFilters(params);
  const of = readParam(params, 'of', ['attributed']) === 'attributed' ? 'attributed' : 'restored';
  const { filters, defaultDays } = context;
  return (
    <ActivityFrame
      {...context}
      kind="incidents"
      title="Incidents"
      view={of === 'attributed' ? 'attributed' : null}
      viewParam="of"
      views={[
        { label: 'Resolved in the period', value: null },
        { label: 'Caused by its deployments', value: 'attributed' },
      ]}
    >
      <Widget label="Incidents" height={400}>
        <IncidentsList
          scope={context.scope}
          window={context.window}
          of={of}
          offset={readOffset(params)}
          caption={of === 'attributed' ? 'incidents attributed to deployments of this period (behind change failure rate)' : 'incidents resolved in this period (behind time to restore)'}
          pageHref={(offset) => drillHref({ kind: 'incidents' }, filters, defaultDays, { of: of === 'attributed' ? of : null, offset: offset || null })}
        />
      </Widget>
    </ActivityFrame>
  );
}

import type { Metadata } from 'next';
import type { SearchParams } from '../../_components/filters/read-filters';
import { readScopeFilters } from '../../_components/filters/read-scope-filters';
import { Widget } from '../../_components/ui/widget';
import { ActivityFrame } from '../_components/activity-frame';
import { DeploymentsList } from '../_components/deployments-list';
import { drillHref } from '../_components/drill-href';
import { readOffset, readParam } from '../_components/read-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Deployments' };

const CAPTIONS: Record<string, string> = {
  all: 'production deployments (behind deployment frequency)',
  failed: 'failed deployments: rolled back or linked to an incident (behind change failure rate and recovery time)',
  rework: 'unplanned deployments: hotfixes, rollbacks and bug fixes (behind rework rate)',
};

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const context = await readScopeFilters(params);
  const status = readParam(params, 'status', ['failed', 'rework']);
  const { filters, defaultDays } = context;
  return (
    <ActivityFrame
      {...context}
      kind="deployments"
      title="Deployments"
      view={status}
      views={[
        { label: 'All', value: null },
        { label: 'Failed', value: 'failed' },
        { label: 'Rework', value: 'rework' },
      ]}
    >
      <Widget label="Deployments" height={400}>
        <DeploymentsList
          scope={context.scope}
          window={context.window}
          status={status}
          offset={readOffset(params)}
          caption={CAPTIONS[status ?? 'all']!}
          pageHref={(offset) => drillHref({ kind: 'deployments', status: status ?? undefined }, filters, defaultDays, { offset: offset || null })}
          changesHref={(deployment) => drillHref({ kind: 'changes' }, filters, defaultDays, { deployment })}
        />
      </Widget>
    </ActivityFrame>
  );
}

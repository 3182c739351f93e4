import type { Metadata } from 'next';
import Link from 'next/link';
import type { SearchParams } from '../../_components/filters/read-filters';
import { readScopeFilters } from '../../_components/filters/read-scope-filters';
import { Widget } from '../../_components/ui/widget';
import { ActivityFrame } from '../_components/activity-frame';
import { ChangesList } from '../_components/changes-list';
import { drillHref } from '../_components/drill-href';
import { readOffset } from '../_components/read-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Changes' };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const context = await readScopeFilters(params);
  const deployment = (Array.isArray(params.deployment) ? params.deployment[0] : params.deployment) || null;
  const { filters, defaultDays } = context;
  return (
    <ActivityFrame {...context} kind="changes" title={deployment ? 'Changes shipped by one deployment' : 'Changes'} view={deployment} viewParam="deployment">
      {deployment ? (
        <p>
          Only the commits that deployment <code>{deployment}</code> shipped first. <Link href={drillHref({ kind: 'changes' }, filters, defaultDays)}>Show all changes</Link>
        </p>
      ) : null}
      <Widget label="Changes" height={400}>
        <ChangesList
          scope={context.scope}
          window={context.window}
          deploymentId={deployment}
          offset={readOffset(params)}
          caption="commits first shipped to production in this period, longest lead time first (behind lead time)"
          pageHref={(offset) => drillHref({ kind: 'changes' }, filters, defaultDays, { deployment, offset: offset || null })}
        />
      </Widget>
    </ActivityFrame>
  );
}

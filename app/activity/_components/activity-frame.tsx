import Link from 'next/link';
import type { ReactNode } from 'react';
import type { DrillKind } from '../../_components/dora/dora-figures';
import { FilterBar } from '../../_components/filters/filter-bar';
import type { DashboardFilters } from '../../_components/filters/read-filters';
import { formatWindow } from '../../_components/format/format-window';
import { Card } from '../../_components/ui/card';
import { DownloadCsv } from '../../_components/ui/download-csv';
import { PageHeader } from '../../_components/ui/page-header';
import { EmptyState } from '../../_components/ui/states';
import ui from '../../_components/ui/ui.module.css';
import { formatWindowInstant } from '@/lib/metrics/format-window-instant';
import { drillHref } from './drill-href';

const TABS: { kind: DrillKind; label: string }[] = [
  { kind: 'deployments', label: 'Deployments' },
  { kind: 'changes', label: 'Changes' },
  { kind: 'incidents', label: 'Incidents' },
];

type ActivityFrameProps = {
  kind: DrillKind;
  filters: DashboardFilters;
  defaultDays: number;
  window: { from: Date; to: Date };
  teams: string[];
  services: string[];
  unknown: string | null;
  /** Sub-filters of this list ("failed", "rework"), as links. */
  views?: { label: string; value: string | null }[];
  view?: string | null;
  viewParam?: string;
  title: string;
  children: ReactNode;
};

/** The list's export carries what the list shows: scope, window and the sub-filter (the API names it differently). */
const exportParams = ({ kind, filters, window, view, viewParam }: Pick<ActivityFrameProps, 'kind' | 'filters' | 'window' | 'view' | 'viewParam'>) => ({
  service: filters.service,
  team: filters.team,
  from: window.from.toISOString(),
  to: window.to.toISOString(),
  ...(kind === 'deployments' ? (view ? { [view]: 'true' } : {}) : { [viewParam ?? 'status']: view }),
});

/** The drill-down pages' common frame: tabs per kind, the shared filters, sub-filter links, and the list's card. */
export function ActivityFrame({ kind, filters, defaultDays, window, teams, services, unknown, views = [], view = null, viewParam = 'status', title, children }: ActivityFrameProps) {
  return (
    <>
      <PageHeader title="Activity" lede="The deployments, changes and incidents behind every figure, with the same filters. Each row links back to its source where known." />
      <nav className={ui.tabs} aria-label="Kind of activity">
        {TABS.map((tab) => (
          <Link key={tab.kind} className={ui.tab} href={drillHref({ kind: tab.kind }, filters, defaultDays)} aria-current={tab.kind === kind ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      <FilterBar action={`/activity/${kind}`} filters={filters} defaultDays={defaultDays} teams={teams} services={services} keep={{ [viewParam]: view }} />
      {views.length > 0 ? (
        <nav className={ui.row} aria-label="Show">
          {views.map((option) => (
            <Link
              key={option.label}
              className={ui.button}
              href={drillHref({ kind }, filters, defaultDays, { [viewParam]: option.value })}
              aria-current={option.value === view ? 'true' : undefined}
            >
              {option.label}
            </Link>
          ))}
        </nav>
      ) : null}
      {unknown ? (
        <EmptyState title={`No ${unknown} is known`}>
          <Link href={`/activity/${kind}`}>Show the whole organization</Link>
        </EmptyState>
      ) : (
        <Card
          title={title}
          hint={
            <>
              {formatWindow(window)} <DownloadCsv action={`/api/metrics/${kind}/export.csv`} params={exportParams({ kind, filters, window, view, viewParam })} />
            </>
          }
        >
          <div className={ui.stack} data-list-window-from={formatWindowInstant(window.from)} data-list-window-to={formatWindowInstant(window.to)}>
            {children}
          </div>
        </Card>
      )}
    </>
  );
}

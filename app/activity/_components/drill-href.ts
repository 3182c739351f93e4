import { filterHref, type DashboardFilters } from '../../_components/filters/read-filters';
import type { DrillKind } from '../../_components/dora/dora-figures';

/** The drill-down list behind a figure, with the same filters as the view it was opened from. */
export const drillHref = (drill: { kind: DrillKind; status?: string }, filters: Partial<DashboardFilters>, defaultDays: number, extra: Record<string, string | number | null> = {}) =>
  filterHref(`/activity/${drill.kind}`, { ...filters, bucket: undefined }, defaultDays, { status: drill.status ?? null, ...extra });

import { getDefaultWindow } from '@/lib/metrics/get-default-window';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';

export type SearchParams = Record<string, string | string[] | undefined>;
export type Bucket = 'week' | 'month';

/** What a dashboard view shows, read from the URL so any view can be shared by its address. */
export type DashboardFilters = { days: number; team: string | null; service: string | null; bucket: Bucket };

export const RANGE_OPTIONS = [30, 90, 180, 365];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;

/**
 * Reads `range` (e.g. `90d`, 7–730 days), `team`, `service` and `bucket` from search params. Anything malformed
 * falls back to the default rather than failing the page: a hand-edited URL still shows something sensible.
 */
export const readFilters = (params: SearchParams, defaultDays: number): DashboardFilters => {
  const range = one(params.range)?.match(/^(\d{1,3})d$/);
  const days = range && Number(range[1]) >= 7 && Number(range[1]) <= 730 ? Number(range[1]) : defaultDays;
  const bucket = one(params.bucket) === 'month' ? 'month' : 'week';
  return { days, team: one(params.team), service: one(params.service), bucket };
};

export const toWindow = (filters: DashboardFilters, now = new Date()): MetricsWindow => getDefaultWindow({ now, days: filters.days });

/** The window of the same length just before this one, for "change against the previous period". */
export const toPreviousWindow = (window: MetricsWindow): MetricsWindow => ({ from: new Date(2 * window.from.getTime() - window.to.getTime()), to: window.from });

export const toScope = (filters: Pick<DashboardFilters, 'team' | 'service'>): MetricsScope =>
  filters.service ? { service: filters.service } : filters.team ? { team: filters.team } : { org: true };

/** A link to `path` with these filters (defaults left out, so URLs stay short) and any extra parameters. */
export const filterHref = (path: string, filters: Partial<DashboardFilters>, defaultDays: number, extra: Record<string, string | number | null | undefined> = {}) => {
  const params = new URLSearchParams();
  if (filters.days && filters.days !== defaultDays) params.set('range', `${filters.days}d`);
  if (filters.team) params.set('team', filters.team);
  if (filters.service) params.set('service', filters.service);
  if (filters.bucket === 'month') params.set('bucket', 'month');
  for (const [key, value] of Object.entries(extra)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

import { getDefaultWindow } from '@/lib/metrics/get-default-window';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { DAY_MS } from '@/lib/format/time-units';

export type SearchParams = Record<string, string | string[] | undefined>;
export type Bucket = 'week' | 'month';

/**
 * What a dashboard view shows, read from the URL so any view can be shared by its address. The window is the last
 * `days` days, or `all` time (from the scope's first deployment), or custom `from`–`to` days (both inclusive).
 */
export type DashboardFilters = {
  days: number;
  all?: boolean;
  from?: string | null;
  to?: string | null;
  team: string | null;
  service: string | null;
  bucket: Bucket;
};

/** Days the range menu offers; 365 and 730 read as "Last year" and "Last 2 years". */
export const RANGE_OPTIONS = [30, 90, 180, 365, 730];

const MAX_DAYS = 3650;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;

const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null);

/**
 * Reads `range` (`90d`, 7–3650 days, or `all`), `from` and `to` (YYYY-MM-DD, a custom window; both needed, from not
 * after to), `team`, `service` and `bucket` from search params. Anything malformed falls back to the default rather
 * than failing the page: a hand-edited URL still shows something sensible.
 */
export const readFilters = (params: SearchParams, defaultDays: number): DashboardFilters => {
  const bucket = one(params.bucket) === 'month' ? 'month' : 'week';
  const base = { team: one(params.team), service: one(params.service), bucket } as const;
  const [from, to] = [day(one(params.from)), day(one(params.to))];
  if (from && to && from <= to) return { ...base, days: Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1, from, to };
  const rangeParam = one(params.range);
  if (rangeParam === 'all') return { ...base, days: defaultDays, all: true };
  const range = rangeParam?.match(/^(\d{1,4})d$/);
  const days = range && Number(range[1]) >= 7 && Number(range[1]) <= MAX_DAYS ? Number(range[1]) : defaultDays;
  return { ...base, days };
};

/**
 * The window the filters select. "All time" starts at the UTC day of the scope's first deployment (`first`, which the
 * page reads); without one it is the default window.
 */
export const toWindow = (filters: DashboardFilters, now = new Date(), first: Date | null = null): MetricsWindow => {
  if (filters.from && filters.to) return { from: new Date(`${filters.from}T00:00:00Z`), to: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) };
  const window = getDefaultWindow({ now, days: filters.days });
  if (filters.all && first) return { from: new Date(Math.floor(first.getTime() / DAY_MS) * DAY_MS), to: window.to };
  return window;
};

/** The window of the same length just before this one, for "change against the previous period". */
export const toScope = (filters: Pick<DashboardFilters, 'team' | 'service'>): MetricsScope =>
  filters.service ? { service: filters.service } : filters.team ? { team: filters.team } : { org: true };

/** The `range`, `from` and `to` parameters that select the filters' window (none for the default). */
export const rangeParams = (filters: Partial<DashboardFilters>, defaultDays: number): Record<string, string> => {
  if (filters.from && filters.to) return { from: filters.from, to: filters.to };
  if (filters.all) return { range: 'all' };
  return filters.days && filters.days !== defaultDays ? { range: `${filters.days}d` } : {};
};

/** A link to `path` with these filters (defaults left out, so URLs stay short) and any extra parameters. */
export const filterHref = (path: string, filters: Partial<DashboardFilters>, defaultDays: number, extra: Record<string, string | number | null | undefined> = {}) => {
  const params = new URLSearchParams(rangeParams(filters, defaultDays));
  if (filters.team) params.set('team', filters.team);
  if (filters.service) params.set('service', filters.service);
  if (filters.bucket === 'month') params.set('bucket', 'month');
  for (const [key, value] of Object.entries(extra)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

import type { MetricsWindow } from './metrics-types';
import { DAY_MS } from '../format/time-units';

export type SeriesBucket = 'week' | 'month';

/**
 * Splits a window into ISO weeks (Monday 00:00 UTC) or calendar months; the first and last bucket are clipped to the
 * window (and marked partial), so the buckets add up to exactly the window.
 */
export const computeSeriesBuckets = (window: MetricsWindow, bucket: SeriesBucket): (MetricsWindow & { partial: boolean })[] => {
  const start = (time: number) => {
    const date = new Date(time);
    if (bucket === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    return midnight - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  };
  const next = (time: number) => {
    const date = new Date(time);
    return bucket === 'month' ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) : time + 7 * DAY_MS;
  };
  const buckets: (MetricsWindow & { partial: boolean })[] = [];
  const to = window.to.getTime();
  for (let from = window.from.getTime(); from < to; ) {
    const end = next(start(from));
    const stop = Math.min(end, to);
    buckets.push({ from: new Date(from), to: new Date(stop), partial: from !== start(from) || stop !== end });
    from = stop;
  }
  return buckets;
};

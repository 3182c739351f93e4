import { describe, expect, it } from 'vitest';
import { computeSeriesBuckets } from '../../lib/metrics/compute-series-buckets';
import { describeFittedSeries, fitSeriesWindow, MAX_SERIES_BUCKETS } from '../../lib/metrics/fit-series-window';

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

describe('fitSeriesWindow', () => {
  it('keeps weeks while they fit', () => {
    const ninety = window('2026-09-08T00:00:00Z', '2026-12-07T00:00:00Z');
    expect(fitSeriesWindow(ninety, 'week')).toEqual({ bucket: 'week', window: ninety, note: null });
    expect(describeFittedSeries(fitSeriesWindow(ninety, 'week'), 'week')).toBe('Weekly');
  });

  it('draws months when the weeks of the window are too many', () => {
    const fiveYears = window('2021-12-07T00:00:00Z', '2026-12-07T00:00:00Z');
    expect(computeSeriesBuckets(fiveYears, 'week').length).toBeGreaterThan(MAX_SERIES_BUCKETS);
    const fitted = fitSeriesWindow(fiveYears, 'week');
    expect(fitted).toEqual({ bucket: 'month', window: fiveYears, note: 'monthly: too many weeks to draw' });
    expect(describeFittedSeries(fitted, 'week')).toBe('Monthly');
  });

  it("keeps the last 110 months of a history longer than that (express's 16 years)", () => {
    const allTime = window('2010-01-03T00:00:00Z', '2026-12-07T00:00:00Z');
    const fitted = fitSeriesWindow(allTime, 'week');
    expect(fitted.bucket).toBe('month');
    expect(fitted.window).toEqual(window('2017-11-01T00:00:00Z', '2026-12-07T00:00:00Z'));
    expect(computeSeriesBuckets(fitted.window, 'month')).toHaveLength(MAX_SERIES_BUCKETS);
    expect(describeFittedSeries(fitSeriesWindow(allTime, 'month'), 'month')).toBe('Monthly, the last 110 months');
  });
});

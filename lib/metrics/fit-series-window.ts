import { computeSeriesBuckets, type SeriesBucket } from './compute-series-buckets';
import type { MetricsWindow } from './metrics-types';

/** The most buckets one series statement computes: two years of weeks, nine of months. */
export const MAX_SERIES_BUCKETS = 110;

export type FittedSeries = {
  bucket: SeriesBucket;
  window: MetricsWindow;
  /** What changed from what was asked, in words for the chart's hint ("monthly: the window is too long for weeks"). */
  note: string | null;
};

/**
 * The series a chart can draw for a window: weeks as asked while they fit, else months, and when even months do not
 * fit, the last MAX_SERIES_BUCKETS months of the window. "All time" over a 16-year history is a chart, not an error.
 */
export const fitSeriesWindow = (window: MetricsWindow, bucket: SeriesBucket): FittedSeries => {
  if (computeSeriesBuckets(window, bucket).length <= MAX_SERIES_BUCKETS) return { bucket, window, note: null };
  const months = computeSeriesBuckets(window, 'month');
  const monthly = bucket === 'week' ? 'monthly: too many weeks to draw' : null;
  if (months.length <= MAX_SERIES_BUCKETS) return { bucket: 'month', window, note: monthly };
  const from = months[months.length - MAX_SERIES_BUCKETS]!.from;
  return { bucket: 'month', window: { from, to: window.to }, note: `the last ${MAX_SERIES_BUCKETS} months` };
};

/** A chart's granularity hint: "Weekly", "Monthly", "Monthly, the last 110 months". */
export const describeFittedSeries = (fitted: FittedSeries, asked: SeriesBucket) =>
  `${fitted.bucket === 'week' ? 'Weekly' : 'Monthly'}${fitted.note && fitted.bucket === asked ? `, ${fitted.note}` : ''}`;

import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { withSpan } from '../observability/trace';
import { computeSeriesBuckets, type SeriesBucket } from './compute-series-buckets';
import { formatWindowInstant } from './format-window-instant';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { DoraMetrics, Edition, MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';
import { queryDoraCells } from './query-dora-cells';
import { resolveDoraModel } from './resolve-dora-model';
import { shapeDoraMetrics } from './shape-dora-metrics';
import { validateMetricsRequest } from './validate-metrics-request';

export type DoraSeries = {
  scope: MetricsScope;
  window: { from: string; to: string };
  bucket: SeriesBucket;
  /** One entry per bucket, oldest first; `partial` when the window clips the bucket. Each carries its sample counts. */
  points: (Omit<DoraMetrics, 'scope'> & { partial: boolean })[];
};

// Two years of weeks: enough for any chart, and a bound on the statement's size.
const MAX_BUCKETS = 110;

/** The DORA figures of each week or month of the window (each bucket is a window of its own), in one statement. */
export const getDoraSeries = async ({
  db,
  scope,
  window,
  bucket,
  settings,
  edition,
  benchmark,
}: {
  db: Executor;
  scope: MetricsScope;
  window: MetricsWindow;
  bucket: SeriesBucket;
  settings?: Partial<MetricsSettings>;
  edition?: Edition;
  benchmark?: string;
}): Promise<DoraSeries> =>
  withSpan('waymark.metrics.get_dora_series', { 'waymark.scope': JSON.stringify(scope), 'waymark.bucket': bucket }, async () => {
    await validateMetricsRequest(db, { scope, window });
    const buckets = computeSeriesBuckets(window, bucket);
    if (buckets.length > MAX_BUCKETS) {
      throw new AppError('VALIDATION_FAILED', `The window holds ${buckets.length} ${bucket}s; a series is limited to ${MAX_BUCKETS} buckets`, {
        details: [`bucket: use month, or a shorter window`],
      });
    }
    const resolved = getMetricsSettings(settings);
    const model = resolveDoraModel({ edition, benchmark });
    const useRollup = await getRollupUsable(db, resolved);
    const cells = await queryDoraCells(db, { scope, windows: buckets, groupBy: 'scope', settings: resolved, useRollup });
    const points = cells.map((cell) => {
      const span = buckets[cell.w]!;
      const { scope: _scope, ...figures } = shapeDoraMetrics(cell, scope, span, model);
      return { ...figures, partial: span.partial };
    });
    return { scope, window: { from: formatWindowInstant(window.from), to: formatWindowInstant(window.to) }, bucket, points };
  });


import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { computeSeriesBuckets, type SeriesBucket } from './compute-series-buckets';
import { MAX_SERIES_BUCKETS } from './fit-series-window';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { DoraCell, MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';
import { queryDoraCells } from './query-dora-cells';
import { validateMetricsRequest } from './validate-metrics-request';


export type BucketCellsRequest = {
  db: Executor;
  scope: MetricsScope;
  window: MetricsWindow;
  bucket: SeriesBucket;
  groupBy: 'scope' | 'team';
  settings?: Partial<MetricsSettings>;
};

/** The raw figures of every (week or month of the window, group) cell, in one statement; each bucket its own window. */
export const queryBucketCells = async ({ db, scope, window, bucket, groupBy, settings }: BucketCellsRequest) => {
  await validateMetricsRequest(db, { scope, window });
  const buckets = computeSeriesBuckets(window, bucket);
  if (buckets.length > MAX_SERIES_BUCKETS) {
    throw new AppError('VALIDATION_FAILED', `The window holds ${buckets.length} ${bucket}s; a series is limited to ${MAX_SERIES_BUCKETS} buckets`, {
      details: [`bucket: use month, or a shorter window (fitSeriesWindow picks what fits)`],
    });
  }
  const resolved = getMetricsSettings(settings);
  const useRollup = await getRollupUsable(db, resolved);
  const cells: DoraCell[] = await queryDoraCells(db, { scope, windows: buckets, groupBy, settings: resolved, useRollup });
  return { buckets, cells };
};

import type { Executor } from '../db/client';
import { withSpan } from '../observability/trace';
import type { SeriesBucket } from './compute-series-buckets';
import { formatWindowInstant } from './format-window-instant';
import type { DoraCell, DoraMetrics, Edition, MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';
import { queryBucketCells } from './query-bucket-cells';
import { resolveDoraModel } from './resolve-dora-model';
import { shapeDoraMetrics } from './shape-dora-metrics';

export type DoraSeries = {
  scope: MetricsScope;
  window: { from: string; to: string };
  bucket: SeriesBucket;
  /** One entry per bucket, oldest first; `partial` when the window clips the bucket. Each carries its sample counts. */
  points: (Omit<DoraMetrics, 'scope'> & { partial: boolean })[];
};

export type DoraSeriesRequest = {
  db: Executor;
  scope: MetricsScope;
  window: MetricsWindow;
  bucket: SeriesBucket;
  settings?: Partial<MetricsSettings>;
  edition?: Edition;
  benchmark?: string;
};

/** A scope's series from its cells, one per bucket in bucket order. */
export const shapeDoraSeries = (
  cells: DoraCell[],
  buckets: (MetricsWindow & { partial: boolean })[],
  request: Pick<DoraSeriesRequest, 'scope' | 'window' | 'bucket' | 'edition' | 'benchmark'>,
): DoraSeries => {
  const model = resolveDoraModel({ edition: request.edition, benchmark: request.benchmark });
  const points = cells.map((cell) => {
    const span = buckets[cell.w]!;
    const { scope: _scope, ...figures } = shapeDoraMetrics(cell, request.scope, span, model);
    return { ...figures, partial: span.partial };
  });
  const window = { from: formatWindowInstant(request.window.from), to: formatWindowInstant(request.window.to) };
  return { scope: request.scope, window, bucket: request.bucket, points };
};

/** The DORA figures of each week or month of the window (each bucket is a window of its own), in one statement. */
export const getDoraSeries = async (request: DoraSeriesRequest): Promise<DoraSeries> =>
  withSpan('waymark.metrics.get_dora_series', { 'waymark.scope': JSON.stringify(request.scope), 'waymark.bucket': request.bucket }, async () => {
    const { buckets, cells } = await queryBucketCells({ ...request, groupBy: 'scope' });
    return shapeDoraSeries(cells, buckets, request);
  });

import type { Executor } from '../db/client';
import { withSpan } from '../observability/trace';
import { getDefaultWindow } from './get-default-window';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { DoraMetrics, Edition, MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';
import { queryDoraCells } from './query-dora-cells';
import { resolveDoraModel } from './resolve-dora-model';
import { shapeDoraMetrics } from './shape-dora-metrics';
import { validateMetricsRequest } from './validate-metrics-request';

export type GetDoraMetricsOptions = {
  db: Executor;
  scope: MetricsScope;
  /** Default: the last `metrics.defaultWindowDays` whole UTC days, up to the next UTC midnight. */
  window?: MetricsWindow;
  /** Default: `metrics` of the configuration. */
  settings?: Partial<MetricsSettings>;
  /** Default: `metrics.edition` (2025). */
  edition?: Edition;
  /** Default: `metrics.benchmark` (industry:all). */
  benchmark?: string;
};

/** The DORA figures of a scope over a window, pooled over its services' events (see METRICS.md). */
export const getDoraMetrics = async ({ db, scope, window = getDefaultWindow(), settings, edition, benchmark }: GetDoraMetricsOptions): Promise<DoraMetrics> =>
  withSpan('waymark.metrics.get_dora_metrics', { 'waymark.scope': JSON.stringify(scope) }, async () => {
    await validateMetricsRequest(db, { scope, window });
    const resolved = getMetricsSettings(settings);
    const model = resolveDoraModel({ edition, benchmark });
    const useRollup = await getRollupUsable(db, resolved);
    const [cell] = await queryDoraCells(db, { scope, windows: [window], groupBy: 'scope', settings: resolved, useRollup });
    return shapeDoraMetrics(cell!, scope, window, model);
  });

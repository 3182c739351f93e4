import type { Executor } from '../db/client';
import { withSpan } from '../observability/trace';
import { formatWindowInstant } from './format-window-instant';
import { getDefaultWindow } from './get-default-window';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { DoraMetrics, Edition, MetricsSettings, MetricsWindow } from './metrics-types';
import { queryDoraCells } from './query-dora-cells';
import { resolveDoraModel } from './resolve-dora-model';
import { shapeDoraMetrics } from './shape-dora-metrics';
import { validateMetricsRequest } from './validate-metrics-request';

export type ServiceMetricsRow = { service: string } & Omit<DoraMetrics, 'scope' | 'window'>;

export type ServiceMetricsTable = { window: DoraMetrics['window']; team: string | null; rows: ServiceMetricsRow[] };

/**
 * One row per service (of a team, or of the organization) with its figures and sample counts, in one statement
 * grouped by service: the dashboard and the scorecard read it instead of calling getDoraMetrics per service.
 * Services with no events in the window are listed too, with null figures.
 */
export const getServiceMetricsTable = async ({
  db,
  window = getDefaultWindow(),
  team,
  settings,
  edition,
  benchmark,
}: {
  db: Executor;
  window?: MetricsWindow;
  team?: string;
  settings?: Partial<MetricsSettings>;
  edition?: Edition;
  benchmark?: string;
}): Promise<ServiceMetricsTable> =>
  withSpan('waymark.metrics.get_service_metrics_table', { 'waymark.team': team ?? '' }, async () => {
    const scope = team === undefined ? { org: true as const } : { team };
    await validateMetricsRequest(db, { scope, window });
    const resolved = getMetricsSettings(settings);
    const model = resolveDoraModel({ edition, benchmark });
    const useRollup = await getRollupUsable(db, resolved);
    const cells = await queryDoraCells(db, { scope, windows: [window], groupBy: 'service', settings: resolved, useRollup });
    const rows = cells.map((cell) => {
      const { scope: _scope, window: _window, ...figures } = shapeDoraMetrics(cell, { service: cell.g }, window, model);
      return { service: cell.g, ...figures };
    });
    return { window: { from: formatWindowInstant(window.from), to: formatWindowInstant(window.to) }, team: team ?? null, rows };
  });

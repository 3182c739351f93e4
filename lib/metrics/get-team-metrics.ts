import type { Executor } from '../db/client';
import { withSpan } from '../observability/trace';
import { getDefaultWindow } from './get-default-window';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { DoraMetrics, Edition, MetricsSettings, MetricsWindow } from './metrics-types';
import { queryDoraCells } from './query-dora-cells';
import { resolveDoraModel } from './resolve-dora-model';
import { shapeDoraMetrics } from './shape-dora-metrics';
import { validateMetricsRequest } from './validate-metrics-request';

/**
 * Every team's pooled figures (each equal to getDoraMetrics for `{ team }`) in one statement grouped by team,
 * instead of one statement per team. Keyed by team name; teams owning no service are absent.
 */
export const getTeamMetrics = async ({
  db,
  window = getDefaultWindow(),
  settings,
  edition,
  benchmark,
}: {
  db: Executor;
  window?: MetricsWindow;
  settings?: Partial<MetricsSettings>;
  edition?: Edition;
  benchmark?: string;
}): Promise<Map<string, DoraMetrics>> =>
  withSpan('waymark.metrics.get_team_metrics', {}, async () => {
    const scope = { org: true as const };
    await validateMetricsRequest(db, { scope, window });
    const resolved = getMetricsSettings(settings);
    const model = resolveDoraModel({ edition, benchmark });
    const useRollup = await getRollupUsable(db, resolved);
    const cells = await queryDoraCells(db, { scope, windows: [window], groupBy: 'team', settings: resolved, useRollup });
    return new Map(cells.map((cell) => [cell.g, shapeDoraMetrics(cell, { team: cell.g }, window, model)]));
  });

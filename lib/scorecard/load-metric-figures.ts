import type { Executor } from '../db/client';
import { getDefaultWindow } from '../metrics/get-default-window';
import { getMetricsSettings } from '../metrics/get-metrics-settings';
import { ensureMetricsRollup } from '../metrics/ensure-metrics-rollup';
import type { DoraMetrics } from '../metrics/metrics-types';
import { queryDoraCells } from '../metrics/query-dora-cells';
import { resolveDoraModel } from '../metrics/resolve-dora-model';
import { shapeDoraMetrics } from '../metrics/shape-dora-metrics';
import type { Standards } from './standards-schema';
import type { MetricFigures } from './scorecard-types';

export type LoadMetricFiguresOptions = { db: Executor; standards: Standards; services: string[]; asOf: Date };

const hours = (seconds: number | null) => (seconds === null ? null : seconds / 3600);

/** The figures `metric` rules name, read off the metrics engine's answer; null where it had no samples. */
const toFigures = (metrics: DoraMetrics): MetricFigures => ({
  leadTimeP50Hours: hours(metrics.leadTime.p50Seconds),
  leadTimeP90Hours: hours(metrics.leadTime.p90Seconds),
  deploymentsPerDay: metrics.deploymentFrequency.perDay,
  changeFailureRate: metrics.changeFailureRate.rate,
  recoveryTimeP50Hours: hours(metrics.recoveryTime.p50Seconds),
  timeToRestoreP50Hours: hours(metrics.timeToRestore.p50Seconds),
  reworkRate: metrics.reworkRate.rate,
});

/**
 * DORA figures per service and window length, for the standards' `metric` rules: what getDoraMetrics answers for
 * `{ service }`, computed for all the services in one statement per window (the engine's per-service grouping),
 * since a history rebuild asks for every service on every day. The window is the last `windowDays` whole UTC days
 * up to the next midnight after `asOf`, as the metrics pages count them, so a check agrees with the dashboard and
 * its figure does not move (writing history rows) within a day; as of a past day, `asOf` is that day's end.
 */
export const loadMetricFigures = async ({ db, standards, services, asOf }: LoadMetricFiguresOptions): Promise<Map<string, Record<number, MetricFigures | null>>> => {
  const lengths = [...new Set(standards.checks.flatMap((check) => (check.rule.metric ? [check.rule.metric.windowDays] : [])))];
  const figures = new Map<string, Record<number, MetricFigures | null>>(services.map((service) => [service, {}]));
  if (lengths.length === 0 || services.length === 0) return figures;
  const settings = getMetricsSettings();
  const model = resolveDoraModel();
  const useRollup = await ensureMetricsRollup(db, settings);
  for (const days of lengths) {
    const window = getDefaultWindow({ now: asOf, days });
    const cells = await queryDoraCells(db, { scope: { services }, windows: [window], groupBy: 'service', settings, useRollup });
    for (const cell of cells) {
      const byWindow = figures.get(cell.g);
      if (byWindow) byWindow[days] = toFigures(shapeDoraMetrics(cell, { service: cell.g }, window, model));
    }
  }
  return figures;
};

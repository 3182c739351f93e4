import type { Executor } from '../db/client';
import { getDefaultWindow } from '../metrics/get-default-window';
import { getDoraMetrics } from '../metrics/get-dora-metrics';
import type { DoraMetrics } from '../metrics/metrics-types';
import type { Standards } from './standards-schema';
import type { MetricFigures } from './scorecard-types';

export type LoadMetricFiguresOptions = { db: Executor; standards: Standards; services: string[]; asOf: Date };

const hours = (seconds: number | null) => (seconds === null ? null : seconds / 3600);

/** The figures `metric` rules name, read off getDoraMetrics' answer; null where the engine had no samples. */
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
 * DORA figures per service and window length, for the standards' `metric` rules, from the metrics engine. The
 * window is the last `windowDays` whole UTC days up to the next midnight after `asOf` (as the metrics pages count
 * them), so a check agrees with the dashboard and its figure does not move (writing history rows) within a day.
 * As of a past day (history rebuild) `asOf` is that day's end, so the window ends exactly there.
 */
export const loadMetricFigures = async ({ db, standards, services, asOf }: LoadMetricFiguresOptions): Promise<Map<string, Record<number, MetricFigures | null>>> => {
  const windows = [...new Set(standards.checks.flatMap((check) => (check.rule.metric ? [check.rule.metric.windowDays] : [])))];
  const figures = new Map<string, Record<number, MetricFigures | null>>();
  if (windows.length === 0) return figures;
  for (const service of services) {
    const byWindow: Record<number, MetricFigures | null> = {};
    for (const days of windows) {
      byWindow[days] = toFigures(await getDoraMetrics({ db, scope: { service }, window: getDefaultWindow({ now: asOf, days }) }));
    }
    figures.set(service, byWindow);
  }
  return figures;
};

import type { ModelMetricKey } from './dora-2025-model';
import type { DoraMetrics } from './metrics-types';

export type PeriodChange =
  | { kind: 'not-enough-data'; n: [number, number] }
  | { kind: 'no-clear-change' }
  | { kind: 'clear'; up: boolean; better: boolean; amount: number; unit: '%' | 'points' };

// Two-sided 95 %: a change is clear when it is more than 1.96 standard errors.
const Z = 1.96;
// Standard error of a sample median, per standard deviation and √n, for a locally normal density (√(π/2)).
const MEDIAN_SE = Math.sqrt(Math.PI / 2);
// ln(p90 / p50) of a log-normal is 1.2816 σ.
const Z90 = 1.2816;
// Recovery time reports no p90, so its spread is assumed wide (p90 ten times the median): fewer clear changes.
const ASSUMED_LOG_SPREAD = Math.log(10) / Z90;

type Figure = { n: number; value: number | null; x?: number; p90?: number | null };

const figureOf = (m: DoraMetrics, key: ModelMetricKey): Figure => {
  if (key === 'deploymentFrequency') return { n: m.deploymentFrequency.deployments, value: m.deploymentFrequency.perDay };
  if (key === 'leadTime') return { n: m.leadTime.changes, value: m.leadTime.p50Seconds, p90: m.leadTime.p90Seconds };
  if (key === 'recoveryTime') return { n: m.recoveryTime.recovered, value: m.recoveryTime.p50Seconds };
  if (key === 'changeFailureRate') return { n: m.changeFailureRate.deployments, value: m.changeFailureRate.rate, x: m.changeFailureRate.failed };
  return { n: m.reworkRate.deployments, value: m.reworkRate.rate, x: m.reworkRate.rework };
};

const logMedianSe = (figure: Figure) => {
  const median = Math.max(figure.value!, 1);
  const sigma = figure.p90 === undefined || figure.p90 === null ? ASSUMED_LOG_SPREAD : Math.max(Math.log(Math.max(figure.p90, 1) / median) / Z90, 0.1);
  return (MEDIAN_SE * sigma) / Math.sqrt(figure.n);
};

/** The z statistic of the difference between two periods of the same length. */
const zOf = (key: ModelMetricKey, a: Figure, b: Figure): number => {
  if (key === 'deploymentFrequency') return (a.n - b.n) / Math.sqrt(a.n + b.n);
  if (key === 'changeFailureRate' || key === 'reworkRate') {
    const pooled = (a.x! + b.x!) / (a.n + b.n);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
    return se === 0 ? 0 : (a.value! - b.value!) / se;
  }
  const difference = Math.log(Math.max(a.value!, 1)) - Math.log(Math.max(b.value!, 1));
  return difference / Math.hypot(logMedianSe(a), logMedianSe(b));
};

/**
 * A figure against the previous period of the same length (METRICS.md, "Small samples"): no verdict unless both
 * periods reach the metric's minimum sample, and "no clear change" unless the difference exceeds its 95 % interval
 * (counts: Poisson; rates: two-proportion test; medians: the sample median's standard error on a log scale).
 * Rates change in percentage points, the others in per cent.
 */
export const comparePeriods = (key: ModelMetricKey, current: DoraMetrics, previous: DoraMetrics): PeriodChange => {
  const a = figureOf(current, key);
  const b = figureOf(previous, key);
  if (!current.samples[key].enough || !previous.samples[key].enough || a.value === null || b.value === null) return { kind: 'not-enough-data', n: [a.n, b.n] };
  if (Math.abs(zOf(key, a, b)) < Z) return { kind: 'no-clear-change' };
  const up = a.value > b.value;
  const better = up === (key === 'deploymentFrequency');
  if (key === 'changeFailureRate' || key === 'reworkRate') return { kind: 'clear', up, better, amount: Math.round(Math.abs(a.value - b.value) * 1000) / 10, unit: 'points' };
  return { kind: 'clear', up, better, amount: Math.round((Math.abs(a.value - b.value) / b.value) * 100), unit: '%' };
};

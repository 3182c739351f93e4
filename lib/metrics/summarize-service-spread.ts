import { MINIMUM_SAMPLES, MODEL_METRICS, type ModelMetricKey } from './dora-2025-model';
import type { ServiceMetricsRow } from './get-service-metrics-table';
import { pickMetricScore } from './pick-metric-score';

export type SpreadPoint = { service: string; score: number; value: number };

// The figure each metric is scored from, and which way is worse: ties on a (bucketed) score order by it.
const FIGURES: Record<ModelMetricKey, { read: (row: ServiceMetricsRow) => number | null; higherIsBetter: boolean }> = {
  leadTime: { read: (row) => row.leadTime.p50Seconds, higherIsBetter: false },
  deploymentFrequency: { read: (row) => row.deploymentFrequency.perDay, higherIsBetter: true },
  recoveryTime: { read: (row) => row.recoveryTime.p50Seconds, higherIsBetter: false },
  changeFailureRate: { read: (row) => row.changeFailureRate.rate, higherIsBetter: false },
  reworkRate: { read: (row) => row.reworkRate.rate, higherIsBetter: false },
};

/**
 * How one metric spreads across the services of a roll-up, on the Quick Check's 0–10 scale (higher is better for
 * every metric, so the five rows read the same way): the services graded, those with too few samples to grade, and
 * those with none. The median is of the graded services' scores, not of the pooled figure. Graded services run worst
 * first: by score, then (the 2025 answers being buckets) by the figure itself.
 */
export type MetricSpread = {
  key: ModelMetricKey;
  graded: SpreadPoint[];
  tooFew: string[];
  noData: number;
  medianScore: number | null;
  minimum: number;
};

const median = (sorted: number[]) => {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The spread of each of the five metrics across a team's or the organization's services (DORA: read per service). */
export const summarizeServiceSpread = (rows: readonly ServiceMetricsRow[]): MetricSpread[] =>
  MODEL_METRICS.map((key) => {
    const graded: SpreadPoint[] = [];
    const tooFew: string[] = [];
    let noData = 0;
    for (const row of rows) {
      const sample = row.samples[key];
      const { score } = pickMetricScore(row, key);
      const value = FIGURES[key].read(row);
      if (sample.n === 0) noData += 1;
      else if (!sample.enough || score === null || value === null) tooFew.push(row.service);
      else graded.push({ service: row.service, score, value });
    }
    const worse = FIGURES[key].higherIsBetter ? 1 : -1;
    graded.sort((a, b) => a.score - b.score || worse * (a.value - b.value) || a.service.localeCompare(b.service));
    return { key, graded, tooFew, noData, medianScore: median(graded.map((point) => point.score)), minimum: MINIMUM_SAMPLES[key] };
  });

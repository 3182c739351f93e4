import { computeQuickCheckAnswer, type QuickCheckAnswer } from './compute-quick-check-answer';
import { computeQuickCheckScores } from './compute-quick-check-scores';
import { DORA_2025_MODEL, MINIMUM_SAMPLES, MODEL_METRICS, type ModelMetricKey } from './dora-2025-model';
import type { BenchmarkGroup, BenchmarkKey } from './get-benchmark-group';

/** The figures a scope shows, as getDoraMetrics rounds them: the 2025 model is computed from these, never others. */
export type ShownFigures = {
  deploymentFrequency: { deployments: number; perDay: number | null };
  leadTime: { changes: number; p50Seconds: number | null };
  changeFailureRate: { deployments: number; rate: number | null };
  recoveryTime: { recovered: number; p50Seconds: number | null };
  reworkRate: { deployments: number; rate: number | null };
};

export type SampleCheck = { n: number; minimum: number; enough: boolean };
export type BenchmarkPosition = { score: number; mean: number; std: number; z: number };

export type MetricScore = { bucket: QuickCheckAnswer | null; score: number | null };
type ThroughputKey = (typeof DORA_2025_MODEL.factors.throughput)[number];
type InstabilityKey = (typeof DORA_2025_MODEL.factors.instability)[number];

export type Dora2025 = {
  /** Each metric's survey answer and Quick Check score, under the factor it belongs to. */
  factors: {
    throughput: { metrics: Record<ThroughputKey, MetricScore>; scored: number; score: number | null };
    /** `stabilityScore` is the Quick Check's stability score: 10 is no failed and no unplanned deployment. */
    instability: { metrics: Record<InstabilityKey, MetricScore>; scored: number; stabilityScore: number | null };
  };
  overall: number | null;
  benchmark: { edition: '2025'; group: string; name: string; position: Record<BenchmarkKey, BenchmarkPosition | null> };
  samples: Record<ModelMetricKey, SampleCheck>;
  notes: string[];
};

const NAMES: Record<ModelMetricKey, [string, string]> = {
  deploymentFrequency: ['Deployment frequency', 'deployments'],
  leadTime: ['Lead time', 'changes'],
  changeFailureRate: ['Change failure rate', 'deployments'],
  recoveryTime: ['Recovery time', 'recoveries'],
  reworkRate: ['Rework rate', 'deployments'],
};

const value = (figures: ShownFigures, metric: ModelMetricKey): number | null => {
  if (metric === 'deploymentFrequency') return figures.deploymentFrequency.perDay;
  if (metric === 'leadTime') return figures.leadTime.p50Seconds;
  if (metric === 'recoveryTime') return figures.recoveryTime.p50Seconds;
  return figures[metric].rate;
};

const count = (figures: ShownFigures, metric: ModelMetricKey): number => {
  if (metric === 'deploymentFrequency') return figures.deploymentFrequency.deployments;
  if (metric === 'leadTime') return figures.leadTime.changes;
  if (metric === 'recoveryTime') return figures.recoveryTime.recovered;
  return figures[metric].deployments;
};

const position = (score: number | null, stat: { mean: number; std: number }): BenchmarkPosition | null =>
  score === null ? null : { score, mean: stat.mean, std: stat.std, z: Math.round(((score - stat.mean) / stat.std) * 100) / 100 };

/**
 * The 2025 model of a scope's shown figures: each metric's survey answer and Quick Check score (null below its
 * minimum sample, with a note saying so), the throughput and stability scores, the overall score, and where each
 * sits in the chosen benchmark group's distribution (standard deviations from its mean).
 */
export const computeDora2025 = (figures: ShownFigures, benchmark: BenchmarkGroup): Dora2025 => {
  const samples = Object.fromEntries(
    MODEL_METRICS.map((metric) => {
      const n = count(figures, metric);
      return [metric, { n, minimum: MINIMUM_SAMPLES[metric], enough: n >= MINIMUM_SAMPLES[metric] }];
    }),
  ) as Record<ModelMetricKey, SampleCheck>;
  const buckets = Object.fromEntries(
    MODEL_METRICS.map((metric) => [metric, samples[metric].enough ? computeQuickCheckAnswer(metric, value(figures, metric)) : null]),
  ) as Record<ModelMetricKey, QuickCheckAnswer | null>;
  const scores = computeQuickCheckScores(
    Object.fromEntries(MODEL_METRICS.map((metric) => [metric, buckets[metric]?.answer ?? null])) as Record<ModelMetricKey, number | null>,
  );
  const notes = MODEL_METRICS.filter((metric) => !samples[metric].enough && samples[metric].n > 0).map((metric) => {
    const [name, unit] = NAMES[metric];
    return `${name}: not enough data (n = ${samples[metric].n} ${unit}; minimum ${samples[metric].minimum})`;
  });
  const scored = (keys: readonly ModelMetricKey[]) => keys.filter((key) => scores.metrics[key] !== null).length;
  const metricScores = <K extends ModelMetricKey>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((key) => [key, { bucket: buckets[key], score: scores.metrics[key] }])) as Record<K, MetricScore>;
  const { throughput, instability } = DORA_2025_MODEL.factors;
  const { stats } = benchmark;
  return {
    factors: {
      throughput: { metrics: metricScores(throughput), scored: scored(throughput), score: scores.throughput },
      instability: { metrics: metricScores(instability), scored: scored(instability), stabilityScore: scores.stability },
    },
    overall: scores.overall,
    benchmark: {
      edition: '2025',
      group: benchmark.id,
      name: benchmark.name,
      position: {
        ...(Object.fromEntries(MODEL_METRICS.map((metric) => [metric, position(scores.metrics[metric], stats[metric])])) as Record<ModelMetricKey, BenchmarkPosition | null>),
        throughput: position(scores.throughput, stats.throughput),
        stability: position(scores.stability, stats.stability),
        overall: position(scores.overall, stats.overall),
      },
    },
    samples,
    notes,
  };
};

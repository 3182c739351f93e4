import { DORA_2025_MODEL, MODEL_METRICS, type ModelMetricKey } from './dora-2025-model';

export type QuickCheckScores = {
  metrics: Record<ModelMetricKey, number | null>;
  throughput: number | null;
  /** The Quick Check's "stability" score of the instability factor: 10 is no failed and no unplanned deployment. */
  stability: number | null;
  overall: number | null;
};

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const mean = (values: number[]) => (values.length === 0 ? null : round3(values.reduce((sum, value) => sum + value, 0) / values.length));

/**
 * Quick Check score of one answer, as `DataService.calculatePerformanceScore` (dora-team/dora.dev,
 * svelte/quick-check/src/lib/data-service.ts): an answer 1..6 maps linearly to 0..10; a percentage 0..100 to 10..0.
 */
export const scoreQuickCheckAnswer = (metric: ModelMetricKey, answer: number) =>
  metric === 'changeFailureRate' || metric === 'reworkRate' ? round3(10 - clamp(answer, 0, 100) / 10) : round3(((clamp(answer, 1, 6) - 1) / 5) * 10);

/**
 * The Quick Check's scores from its answers (null: no answer): throughput is the mean of lead time, deployment
 * frequency and recovery time; stability the mean of change failure and rework rate; overall the mean of all five
 * (`calculateAll`, `calculatePerformanceAverage`, 2025 version). The Quick Check always has all five answers;
 * Waymark leaves a metric without enough data out of its means rather than count it as 0.
 */
export const computeQuickCheckScores = (answers: Record<ModelMetricKey, number | null>): QuickCheckScores => {
  const metrics = Object.fromEntries(
    MODEL_METRICS.map((metric) => [metric, answers[metric] === null ? null : scoreQuickCheckAnswer(metric, answers[metric])]),
  ) as Record<ModelMetricKey, number | null>;
  const present = (keys: readonly ModelMetricKey[]) => keys.map((key) => metrics[key]).filter((score): score is number => score !== null);
  return {
    metrics,
    throughput: mean(present(DORA_2025_MODEL.factors.throughput)),
    stability: mean(present(DORA_2025_MODEL.factors.instability)),
    overall: mean(present(MODEL_METRICS)),
  };
};

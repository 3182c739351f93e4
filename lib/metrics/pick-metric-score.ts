import type { MetricScore } from './compute-dora-2025';
import type { ModelMetricKey } from './dora-2025-model';
import type { DoraMetrics } from './metrics-types';

/** A metric's 2025 answer and score, wherever its factor keeps it. */
export const pickMetricScore = (metrics: Pick<DoraMetrics, 'factors'>, key: ModelMetricKey): MetricScore => {
  const { throughput, instability } = metrics.factors;
  return key === 'changeFailureRate' || key === 'reworkRate' ? instability.metrics[key] : throughput.metrics[key];
};

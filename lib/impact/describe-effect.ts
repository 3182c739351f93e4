import type { EffectEstimate, ImpactMetric } from './impact-types';

const NAMES: Record<ImpactMetric, string> = {
  leadTimeP50Seconds: 'median lead time',
  deploymentsPerServiceDay: 'deployment frequency',
  changeFailureRate: 'change failure rate',
  recoveryTimeP50Seconds: 'median recovery time',
};

const hours = (seconds: number) => {
  const value = Math.abs(seconds) / 3600;
  return value >= 48 ? `${(value / 24).toFixed(1)} days` : `${value.toFixed(1)} h`;
};

/** A difference in the metric's own unit, without sign: "9.5 h", "0.4 deploys per service per week", "6.1 points". */
export const formatEffectSize = (metric: ImpactMetric, value: number) => {
  if (metric === 'leadTimeP50Seconds' || metric === 'recoveryTimeP50Seconds') return hours(value);
  if (metric === 'changeFailureRate') return `${(Math.abs(value) * 100).toFixed(1)} percentage points`;
  return `${(Math.abs(value) * 7).toFixed(2)} deploys per service per week`;
};

const direction = (metric: ImpactMetric, value: number) => {
  if (metric === 'deploymentsPerServiceDay') return value > 0 ? 'more often' : 'less often';
  if (metric === 'changeFailureRate') return value > 0 ? 'higher' : 'lower';
  return value > 0 ? 'slower' : 'faster';
};

const range = (metric: ImpactMetric, low: number, high: number) =>
  low < 0 && high > 0
    ? `from ${formatEffectSize(metric, low)} ${direction(metric, low)} to ${formatEffectSize(metric, high)} ${direction(metric, high)}`
    : `${formatEffectSize(metric, low)} to ${formatEffectSize(metric, high)} ${direction(metric, low)}`;

/**
 * One sentence a reader can act on, honest about what the analysis can say: a clear effect names its size and
 * interval, an interval spanning zero is "no clear effect" whatever the point estimate, and too little data says so.
 */
export const describeEffect = (kind: 'cohort' | 'adoption', estimate: EffectEstimate): string => {
  const name = NAMES[estimate.metric];
  if (estimate.verdict === 'not_enough_data' || !estimate.effect) return `Not enough data on ${name}: ${estimate.reason}.`;
  const { estimate: value, low, high } = estimate.effect;
  const interval = `95 % interval: ${range(estimate.metric, low, high)}`;
  if (estimate.verdict === 'no_clear_effect') {
    return `No clear difference in ${name} (${interval}); the data is consistent with no effect.`;
  }
  const size = `${formatEffectSize(estimate.metric, value)} ${direction(estimate.metric, value)}`;
  return kind === 'adoption'
    ? `After adopting, ${name} was ${size} than before, beyond the change other services saw in the same weeks (${interval}).`
    : `Passing services had a ${name} ${size} than failing ones (${interval}).`;
};

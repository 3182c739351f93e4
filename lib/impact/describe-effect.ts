import type { EffectEstimate, ImpactMetric } from './impact-types';

const NAMES: Record<ImpactMetric, string> = {
  leadTimeP50Seconds: 'median lead time',
  deploymentsPerServiceDay: 'deployment frequency',
  changeFailureRate: 'change failure rate',
  recoveryTimeP50Seconds: 'median recovery time',
};

// Durations in hours, or in days when the largest figure being shown is two days or more, so one sentence uses one unit.
const duration = (seconds: number, inDays: boolean) => {
  const hours = Math.abs(seconds) / 3600;
  return inDays ? `${(hours / 24).toFixed(1)} days` : `${hours.toFixed(1)} h`;
};

/**
 * A difference in the metric's own unit, without sign: "9.5 h", "0.4 deploys per service per week", "6.1 percentage
 * points"; `short` for a chart's axis: "9.5 h", "0.40/wk", "6.1 pp".
 */
export const formatEffectSize = (metric: ImpactMetric, value: number, scale = value, short = false) => {
  if (metric === 'leadTimeP50Seconds' || metric === 'recoveryTimeP50Seconds') return duration(value, Math.abs(scale) >= 48 * 3600);
  if (metric === 'changeFailureRate') return `${(Math.abs(value) * 100).toFixed(1)} ${short ? 'pp' : 'percentage points'}`;
  return `${(Math.abs(value) * 7).toFixed(2)}${short ? '/wk' : ' deploys per service per week'}`;
};

const direction = (metric: ImpactMetric, value: number) => {
  if (metric === 'deploymentsPerServiceDay') return value > 0 ? 'more often' : 'less often';
  if (metric === 'changeFailureRate') return value > 0 ? 'higher' : 'lower';
  return value > 0 ? 'slower' : 'faster';
};

const range = (metric: ImpactMetric, low: number, high: number) => {
  const scale = Math.max(Math.abs(low), Math.abs(high));
  const size = (value: number) => formatEffectSize(metric, value, scale);
  return low < 0 && high > 0
    ? `from ${size(low)} ${direction(metric, low)} to ${size(high)} ${direction(metric, high)}`
    : `${size(low)} to ${size(high)} ${direction(metric, low)}`;
};

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

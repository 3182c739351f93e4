import { BETTER_WHEN, type ImpactMetric, type Interval, type Verdict } from './impact-types';

/**
 * Calls an effect an improvement or a worsening only when its whole 95 % interval is on one side of zero;
 * an interval spanning zero is "no clear effect", however large the point estimate.
 */
export const judgeEffect = (metric: ImpactMetric, effect: Interval): Verdict => {
  if (effect.low <= 0 && effect.high >= 0) return 'no_clear_effect';
  const rose = effect.low > 0;
  return rose === (BETTER_WHEN[metric] === 'higher') ? 'improved' : 'worsened';
};

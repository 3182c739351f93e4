import { describe, expect, it } from 'vitest';
import { describeEffect, formatEffectSize } from '../../lib/impact/describe-effect';
import type { EffectEstimate } from '../../lib/impact/impact-types';
import { HOUR_SECONDS } from '../../lib/format/time-units';

const estimate = (metric: EffectEstimate['metric'], verdict: EffectEstimate['verdict'], effect: EffectEstimate['effect'], reason: string | null = null): EffectEstimate => ({
  metric,
  verdict,
  reason,
  effect,
  figures: {},
  samples: {},
});


describe('describeEffect', () => {
  it('gives a clear effect its size and interval, in one unit', () => {
    expect(describeEffect('adoption', estimate('leadTimeP50Seconds', 'improved', { estimate: -60 * HOUR_SECONDS, low: -100 * HOUR_SECONDS, high: -20 * HOUR_SECONDS }))).toBe(
      'After adopting, median lead time was 2.5 days faster than before, beyond the change other services saw in the same weeks (95 % interval: 4.2 days to 0.8 days faster).',
    );
    expect(describeEffect('cohort', estimate('changeFailureRate', 'improved', { estimate: -0.061, low: -0.09, high: -0.02 }))).toBe(
      'Passing services had a change failure rate 6.1 percentage points lower than failing ones (95 % interval: 9.0 percentage points to 2.0 percentage points lower).',
    );
  });

  it('reads an interval spanning zero as no clear difference, naming both directions', () => {
    expect(describeEffect('adoption', estimate('deploymentsPerServiceDay', 'no_clear_effect', { estimate: 0.05, low: -0.1, high: 0.2 }))).toBe(
      'No clear difference in deployment frequency (95 % interval: from 0.70 deploys per service per week less often to 1.40 deploys per service per week more often); the data is consistent with no effect.',
    );
  });

  it('passes on the reason there is no estimate', () => {
    expect(describeEffect('adoption', estimate('recoveryTimeP50Seconds', 'not_enough_data', null, 'needs at least 10 events in each window (fewest: 6)'))).toBe(
      'Not enough data on median recovery time: needs at least 10 events in each window (fewest: 6).',
    );
  });
});

describe('formatEffectSize', () => {
  it('has short units for a plot scale', () => {
    expect(formatEffectSize('leadTimeP50Seconds', -9.5 * 3600, 9.5 * 3600, true)).toBe('9.5 h');
    expect(formatEffectSize('leadTimeP50Seconds', 72 * 3600, 72 * 3600, true)).toBe('3.0 days');
    expect(formatEffectSize('changeFailureRate', 0.061, 0.061, true)).toBe('6.1 pp');
    expect(formatEffectSize('deploymentsPerServiceDay', 0.0571, 0.0571, true)).toBe('0.40/wk');
    expect(formatEffectSize('changeFailureRate', 0.061)).toBe('6.1 percentage points');
  });
});

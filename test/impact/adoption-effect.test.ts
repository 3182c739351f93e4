import { describe, expect, it } from 'vitest';
import { estimateAdoptionEffect } from '../../lib/impact/estimate-adoption-effect';
import { DAY_MS, generateSamples, staggeredAdoptions } from './generate-samples';

const WINDOW = 30 * DAY_MS;
const options = { iterations: 400 };
const SEEDS = Array.from({ length: 20 }, (_, index) => 1000 + index);

describe('estimateAdoptionEffect (difference in differences)', () => {
  it('finds a real lead-time drop for adopters, close to its true size, on nearly every history', () => {
    const verdicts = SEEDS.map((seed) => {
      const { adopters, controls } = generateSamples({ seed, services: 30, days: 180, adoptions: staggeredAdoptions(), leadTimeEffect: 0.5, leadTimeTrend: 0.9 });
      return estimateAdoptionEffect({ metric: 'leadTimeP50Seconds', adopters, controls, windowMs: WINDOW, options: { ...options, seed } });
    });
    const found = verdicts.filter((result) => result.verdict === 'improved').length;
    expect(found).toBeGreaterThanOrEqual(18);
    expect(verdicts.every((result) => result.verdict !== 'worsened')).toBe(true);
    // The adopters' medians halve: the interval should hold a drop of roughly half their before-median.
    const typical = verdicts[0]!;
    const trueDrop = -0.5 * typical.figures.adopterBefore!;
    expect(typical.effect!.low).toBeLessThan(trueDrop * 0.5);
    expect(typical.effect!.high).toBeLessThan(0);
  });

  it('credits nothing to a standard with no effect, even while the whole organization speeds up', () => {
    const results = SEEDS.map((seed) => {
      const { adopters, controls } = generateSamples({ seed, services: 30, days: 180, adoptions: staggeredAdoptions(), leadTimeEffect: 1, leadTimeTrend: 0.6 });
      return estimateAdoptionEffect({ metric: 'leadTimeP50Seconds', adopters, controls, windowMs: WINDOW, options: { ...options, seed } });
    });
    // The trend is real: adopters alone look faster after adopting (a naive before/after would credit the standard).
    const naiveDrops = results.filter((result) => result.figures.adopterAfter! < result.figures.adopterBefore!).length;
    expect(naiveDrops).toBeGreaterThanOrEqual(15);
    // A 95 % interval is wrong 5 % of the time by construction: allow at most 2 false alarms in 20 histories.
    const falseAlarms = results.filter((result) => result.verdict === 'improved' || result.verdict === 'worsened').length;
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });

  it('finds a rise in deployment frequency and a fall in change failure rate', () => {
    const { adopters, controls } = generateSamples({
      seed: 7, services: 30, days: 180, adoptions: staggeredAdoptions(), deployRateEffect: 2, failureEffect: 0.3, deploysPerDay: 1.5, failureRate: 0.2,
    });
    const frequency = estimateAdoptionEffect({ metric: 'deploymentsPerServiceDay', adopters, controls, windowMs: WINDOW, options });
    expect(frequency.verdict).toBe('improved');
    expect(frequency.effect!.low).toBeGreaterThan(0.5);
    const failures = estimateAdoptionEffect({ metric: 'changeFailureRate', adopters, controls, windowMs: WINDOW, options });
    expect(failures.verdict).toBe('improved');
    expect(failures.effect!.high).toBeLessThan(0);
  });

  it('says "not enough data" below the minimum sample instead of guessing', () => {
    const { adopters, controls } = generateSamples({ seed: 3, services: 12, days: 180, adoptions: staggeredAdoptions(2), leadTimeEffect: 0.5 });
    const result = estimateAdoptionEffect({ metric: 'leadTimeP50Seconds', adopters, controls, windowMs: WINDOW, options });
    expect(result).toMatchObject({ verdict: 'not_enough_data', effect: null, reason: expect.stringContaining('at least 3 adopting') });
    expect(result.samples.adopterServices).toBe(2);
  });

  it('is reproducible: the same data and seed give the same interval', () => {
    const { adopters, controls } = generateSamples({ seed: 11, services: 30, days: 180, adoptions: staggeredAdoptions(), leadTimeEffect: 0.7 });
    const run = () => estimateAdoptionEffect({ metric: 'leadTimeP50Seconds', adopters, controls, windowMs: WINDOW, options: { ...options, seed: 5 } });
    expect(run().effect).toEqual(run().effect);
    expect(run().effect).not.toEqual(estimateAdoptionEffect({ metric: 'leadTimeP50Seconds', adopters, controls, windowMs: WINDOW, options: { ...options, seed: 6 } }).effect);
  });
});

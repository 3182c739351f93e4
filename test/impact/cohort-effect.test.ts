import { describe, expect, it } from 'vitest';
import { estimateCohortEffect } from '../../lib/impact/estimate-cohort-effect';
import { judgeEffect } from '../../lib/impact/judge-effect';
import { DAY_MS, generateSamples } from './generate-samples';

const FROM = Date.parse('2026-05-01T00:00:00Z');
const TO = FROM + 180 * DAY_MS;

// Services 0-14 "pass" from day 0: an adoption on day 0 applies the effect to their whole history.
const halfPassing = new Map(Array.from({ length: 15 }, (_, index) => [index, 0]));

describe('estimateCohortEffect', () => {
  it('finds that passing services ship faster when they do', () => {
    const { adopters, controls } = generateSamples({ seed: 21, services: 30, days: 180, adoptions: halfPassing, leadTimeEffect: 0.5 });
    const result = estimateCohortEffect({ metric: 'leadTimeP50Seconds', passing: adopters.map((a) => a.samples), failing: controls, from: FROM, to: TO, options: { iterations: 400 } });
    expect(result.verdict).toBe('improved');
    expect(result.figures.passing!).toBeLessThan(result.figures.failing!);
    expect(result.samples).toMatchObject({ passingServices: 15, failingServices: 15 });
  });

  it('reports no clear effect when the cohorts do not differ', () => {
    const { adopters, controls } = generateSamples({ seed: 22, services: 30, days: 180, adoptions: halfPassing, leadTimeEffect: 1 });
    const result = estimateCohortEffect({ metric: 'changeFailureRate', passing: adopters.map((a) => a.samples), failing: controls, from: FROM, to: TO, options: { iterations: 400 } });
    expect(result.verdict).toBe('no_clear_effect');
    expect(result.effect!.low).toBeLessThan(0);
    expect(result.effect!.high).toBeGreaterThan(0);
  });
});

describe('judgeEffect', () => {
  it('never calls an interval that spans zero an improvement, however large the estimate', () => {
    expect(judgeEffect('leadTimeP50Seconds', { estimate: -50_000, low: -90_000, high: 10 })).toBe('no_clear_effect');
    expect(judgeEffect('leadTimeP50Seconds', { estimate: -50_000, low: -90_000, high: -10 })).toBe('improved');
    expect(judgeEffect('deploymentsPerServiceDay', { estimate: -0.5, low: -0.9, high: -0.1 })).toBe('worsened');
    expect(judgeEffect('deploymentsPerServiceDay', { estimate: 0.5, low: 0.1, high: 0.9 })).toBe('improved');
  });
});

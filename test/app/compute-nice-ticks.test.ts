import { describe, expect, it } from 'vitest';
import { computeNiceTicks } from '../../app/_components/charts/compute-nice-ticks';

describe('chart ticks', () => {
  it('steps 1, 2, 2.5 or 5 times a power of ten, with the decimals the step needs', () => {
    expect(computeNiceTicks(0.13)).toEqual({ ticks: [0, 0.05, 0.1, 0.15], top: 0.15, decimals: 2 });
    expect(computeNiceTicks(37)).toEqual({ ticks: [0, 10, 20, 30, 40], top: 40, decimals: 0 });
    expect(computeNiceTicks(9)).toEqual({ ticks: [0, 2.5, 5, 7.5, 10], top: 10, decimals: 1 });
  });

  it('never labels two ticks alike, and stops a percentage at 100', () => {
    for (const max of [0.01, 0.37, 1, 3.3, 48, 99, 115, 1234]) {
      const { ticks } = computeNiceTicks(max);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
    expect(computeNiceTicks(96, { cap: 100 }).top).toBe(100);
    expect(computeNiceTicks(115, { cap: 100 }).ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it('draws an empty chart from 0 to 1', () => {
    expect(computeNiceTicks(0).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

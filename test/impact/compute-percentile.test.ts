import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePercentile } from '../../lib/impact/compute-percentile';

// The textbook definition (Postgres percentile_cont), by sorting: the reference the quickselect must match.
const sortedPercentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
};

describe('computePercentile', () => {
  it('interpolates between closest ranks like percentile_cont', () => {
    expect(computePercentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(computePercentile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46);
    expect(computePercentile([7], 0.5)).toBe(7);
    expect(computePercentile([], 0.5)).toBeNull();
  });

  it('matches the sorting definition on any input, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, fraction) => {
        expect(computePercentile(values, fraction)).toBeCloseTo(sortedPercentile(values, fraction), 9);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

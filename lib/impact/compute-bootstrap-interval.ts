import { seededRandom } from '../random/seeded-random';
import { computePercentile } from './compute-percentile';
import type { Interval } from './impact-types';

const resample = <T>(items: readonly T[], random: () => number): T[] => items.map(() => items[Math.floor(random() * items.length)]!);

/**
 * A 95 % percentile-bootstrap interval for a statistic of two groups of clusters (services). Whole services are
 * resampled, not single events, because events of one service are not independent of each other. Seeded, so the
 * same data always gives the same interval. Resamples whose statistic is undefined (an empty arm) are dropped.
 */
export const computeBootstrapInterval = <T, U>(
  treated: readonly T[],
  comparison: readonly U[],
  statistic: (treated: readonly T[], comparison: readonly U[]) => number | null,
  { iterations, seed }: { iterations: number; seed: number },
): Interval | null => {
  const estimate = statistic(treated, comparison);
  if (estimate === null) return null;
  const random = seededRandom(seed);
  const draws: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const value = statistic(resample(treated, random), resample(comparison, random));
    if (value !== null && Number.isFinite(value)) draws.push(value);
  }
  if (draws.length < iterations / 2) return null;
  return { estimate, low: computePercentile(draws, 0.025)!, high: computePercentile(draws, 0.975)! };
};

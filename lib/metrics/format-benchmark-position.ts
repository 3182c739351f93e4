import type { BenchmarkPosition } from './compute-dora-2025';

/**
 * Where a score sits in a benchmark group's distribution, in standard deviations from its mean:
 * "0.8 SD above the mean (6.7)", "at the mean (6.7)" within 0.1 SD; "—" without a score.
 */
export const formatBenchmarkPosition = (position: BenchmarkPosition | null) => {
  if (position === null) return '—';
  const mean = position.mean.toFixed(1);
  if (Math.abs(position.z) < 0.1) return `at the mean (${mean})`;
  return `${Math.abs(position.z).toFixed(1)} SD ${position.z > 0 ? 'above' : 'below'} the mean (${mean})`;
};

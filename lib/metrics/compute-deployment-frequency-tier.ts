import type { Tier } from './metrics-types';

/**
 * The 2023 deployment-frequency band from deployment days: on demand (elite) when the median week has 5 or more
 * deployment days, high with at least one a week, medium with at least one a month, else low. Null when the window
 * holds no full week (a full month always holds full weeks).
 */
export const computeDeploymentFrequencyTier = ({ weekMedian, monthMedian }: { weekMedian: number | null; monthMedian: number | null }): Tier | null => {
  if (weekMedian === null) return null;
  if (weekMedian >= 5) return 'elite';
  if (weekMedian >= 1) return 'high';
  if (monthMedian !== null && monthMedian >= 1) return 'medium';
  return 'low';
};

import type { Tier } from './metrics-types';

const LABELS: Record<Tier, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

/** "Elite", "High", "Medium", "Low"; "No data" when a figure has no samples. */
export const formatTier = (tier: Tier | null) => (tier === null ? 'No data' : LABELS[tier]);

import { DORA_2024_CLUSTERS, type ClusterProfile } from './dora-2024-clusters';
import type { Tier } from './metrics-types';

export type ClusterInput = { deploysPerDay: number | null; leadTimeSeconds: number | null; changeFailureRate: number | null; recoveryTimeSeconds: number | null };

type Key = keyof ClusterInput;

// Frequencies and durations span orders of magnitude, so they are compared on a log scale; rates linearly.
const LOG_KEYS: Key[] = ['deploysPerDay', 'leadTimeSeconds', 'recoveryTimeSeconds'];
// The smallest value a log can take: a lead time of 0 s or a recovery of 0 s is "as fast as it gets", not -Infinity.
const FLOOR: Record<Key, number> = { deploysPerDay: 1e-4, leadTimeSeconds: 1, changeFailureRate: 0, recoveryTimeSeconds: 1 };

const position = (key: Key, value: number) => (LOG_KEYS.includes(key) ? Math.log10(Math.max(value, FLOOR[key])) : value);

/**
 * The nearest DORA 2024 cluster profile to the scope's four keys. Each key is scaled so the distance from the elite
 * to the low profile is 1 (every key weighs the same), keys without a value are left out, and the profile at the
 * smallest Euclidean distance wins; a tie goes to the lower cluster. Null when no key has a value.
 */
export const computeCluster2024 = (input: ClusterInput): Tier | null => {
  const keys = (Object.keys(input) as Key[]).filter((key) => input[key] !== null);
  if (keys.length === 0) return null;
  const profiles: readonly ClusterProfile[] = DORA_2024_CLUSTERS.profiles;
  const elite = profiles[0]!;
  const low = profiles[profiles.length - 1]!;
  let best: { tier: Tier; distance: number } | null = null;
  for (const profile of profiles) {
    let sum = 0;
    for (const key of keys) {
      const spread = Math.abs(position(key, low[key]) - position(key, elite[key]));
      sum += ((position(key, input[key]!) - position(key, profile[key])) / spread) ** 2;
    }
    const distance = Math.sqrt(sum);
    if (!best || distance <= best.distance) best = { tier: profile.tier, distance };
  }
  return best!.tier;
};

import type { Tier } from './metrics-types';
import { DAY_SECONDS, HOUR_SECONDS } from '../format/time-units';


/**
 * The DORA 2023 performance bands (Accelerate State of DevOps Report 2023). Durations are upper bounds (exclusive)
 * in seconds; the change failure rate bound is inclusive, as the report states "5%", "10%", "15%".
 */
export const DORA_2023_BANDS = {
  leadTime: { elite: DAY_SECONDS, high: 7 * DAY_SECONDS, medium: 30 * DAY_SECONDS },
  recoveryTime: { elite: HOUR_SECONDS, high: DAY_SECONDS, medium: 7 * DAY_SECONDS },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
} as const;

/** The 2023 band of a lead time or recovery time (seconds) or a change failure rate (0..1); null without a value. */
export const computeTier2023 = (metric: keyof typeof DORA_2023_BANDS, value: number | null): Tier | null => {
  if (value === null) return null;
  const bands = DORA_2023_BANDS[metric];
  const within = (bound: number) => (metric === 'changeFailureRate' ? value <= bound : value < bound);
  if (within(bands.elite)) return 'elite';
  if (within(bands.high)) return 'high';
  if (within(bands.medium)) return 'medium';
  return 'low';
};

import { DORA_2025_MODEL, type ModelMetricKey } from './dora-2025-model';
import { DAY_SECONDS, HOUR_SECONDS } from '../format/time-units';

// A month is 30 days and six months 180, as the 2024 cluster table reads the report's ranges.
const DURATION_BOUNDS = [HOUR_SECONDS, DAY_SECONDS, 7 * DAY_SECONDS, 30 * DAY_SECONDS, 180 * DAY_SECONDS];
// Deploys per day at or above which an answer holds: 2+ a day is "on demand", 1+ "about once a day", …
const FREQUENCY_BOUNDS = [2, 1, 1 / 7, 1 / 30, 1 / 180];

export type QuickCheckAnswer = { answer: number; label: string };

/**
 * The answer the 2025 DORA survey (and the Quick Check) would record for a figure: 1 (worst) to 6 (best) for lead
 * time and recovery time (seconds) and deployment frequency (deploys per day); the percentage 0–100 for the change
 * failure and rework rates (0..1). Null without a figure.
 */
export const computeQuickCheckAnswer = (metric: ModelMetricKey, value: number | null): QuickCheckAnswer | null => {
  if (value === null) return null;
  if (metric === 'changeFailureRate' || metric === 'reworkRate') {
    const percent = Math.round(value * 100 * 100) / 100;
    return { answer: percent, label: `${percent.toLocaleString('en-US')} % of deployments` };
  }
  const index =
    metric === 'deploymentFrequency'
      ? FREQUENCY_BOUNDS.findIndex((bound) => value >= bound)
      : DURATION_BOUNDS.findIndex((bound) => value < bound);
  const answer = index < 0 ? 1 : 6 - index;
  return { answer, label: DORA_2025_MODEL.answers[metric][answer - 1]! };
};

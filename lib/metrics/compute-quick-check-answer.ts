import { DORA_2025_MODEL, type ModelMetricKey } from './dora-2025-model';

const HOUR = 3600;
const DAY = 24 * HOUR;
// A month is 30 days and six months 180, as the 2024 cluster table reads the report's ranges.
const DURATION_BOUNDS = [HOUR, DAY, 7 * DAY, 30 * DAY, 180 * DAY];
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

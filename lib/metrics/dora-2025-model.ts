/**
 * The DORA 2025 model, versioned as an edition: five metrics in two factors, each mapped to the answer the 2025
 * survey would record and scored 0–10 as the DORA Quick Check scores it.
 *
 * Sources: the dora.dev metrics guide ("DORA's software delivery performance metrics", updated 2026-01-05) for the
 * factors; the 2025 survey questions (dora.dev `hugo/data/survey_questions/2025-state-of-ai-assisted-software-
 * development.json`) for the answers; the Quick Check (`svelte/quick-check/src/lib/data-service.ts`, `utils.ts`,
 * `data/metrics_question_responses.json` in github.com/dora-team/dora.dev, updated 2026-04) for the scores.
 */
export const DORA_2025_MODEL = {
  edition: '2025',
  factors: {
    throughput: ['leadTime', 'deploymentFrequency', 'recoveryTime'],
    instability: ['changeFailureRate', 'reworkRate'],
  },
  /**
   * The survey's six answers for the three duration and frequency questions, worst (1) to best (6). The two rates
   * are asked as a percentage (0–100 %), so their "answer" is the percentage itself.
   */
  answers: {
    leadTime: ['More than six months', 'One to six months', 'One week to one month', 'One day to one week', 'Less than one day', 'Less than one hour'],
    recoveryTime: ['More than six months', 'One to six months', 'One week to one month', 'One day to one week', 'Less than one day', 'Less than one hour'],
    deploymentFrequency: [
      'Less than once per six months',
      'Once per month to once every six months',
      'Once per week to once per month',
      'Once per day to once per week',
      'About once a day',
      'On demand (multiple deploys per day)',
    ],
  },
} as const;

export type ModelMetricKey = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime' | 'reworkRate';
export type AnsweredMetricKey = keyof typeof DORA_2025_MODEL.answers;
export type RateMetricKey = (typeof DORA_2025_MODEL.factors.instability)[number];

export const MODEL_METRICS: ModelMetricKey[] = ['leadTime', 'deploymentFrequency', 'recoveryTime', 'changeFailureRate', 'reworkRate'];

/**
 * The least samples a figure needs before Waymark grades or scores it, and before it compares it with the previous
 * period: below this a median or a rate swings with one event (METRICS.md, "Small samples").
 */
export const MINIMUM_SAMPLES: Record<ModelMetricKey, number> = {
  deploymentFrequency: 1,
  leadTime: 10,
  changeFailureRate: 20,
  recoveryTime: 5,
  reworkRate: 20,
};

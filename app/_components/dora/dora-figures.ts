import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import type { DoraMetrics, Tier } from '@/lib/metrics/metrics-types';
import type { ModelMetricKey } from '@/lib/metrics/dora-2025-model';
import { pickMetricScore } from '@/lib/metrics/pick-metric-score';
import { formatCount } from '@/lib/format/format-count';

export type DoraMetricKey = ModelMetricKey;

/**
 * What a figure is graded as, in the edition shown and always from the figure beside it: the 2025 Quick Check score
 * and survey answer, the 2023 band, nothing (2024 grades the scope, not a metric), or "not enough data".
 */
export type FigureGrade =
  | { kind: 'score'; score: number; answer: string }
  | { kind: 'band'; tier: Tier }
  | { kind: 'not-enough'; n: number }
  | { kind: 'none' };

/** A grade as one attribute value, for tests and tools reading the page: "score:8", "band:high", "not-enough:3", "none". */
export const gradeAttribute = (grade: FigureGrade) =>
  grade.kind === 'score' ? `score:${grade.score}` : grade.kind === 'band' ? `band:${grade.tier}` : grade.kind === 'not-enough' ? `not-enough:${grade.n}` : 'none';

export const gradeOf = (metrics: Omit<DoraMetrics, 'scope' | 'window'>, key: ModelMetricKey, tier: Tier | null): FigureGrade => {
  const sample = metrics.samples[key];
  if (!sample.enough) return sample.n === 0 ? { kind: 'none' } : { kind: 'not-enough', n: sample.n };
  if (metrics.edition === '2023') return tier ? { kind: 'band', tier } : { kind: 'none' };
  if (metrics.edition === '2024') return { kind: 'none' };
  const { score, bucket } = pickMetricScore(metrics, key);
  return score === null || bucket === null ? { kind: 'none' } : { kind: 'score', score, answer: bucket.label };
};

export type DrillKind = 'deployments' | 'changes' | 'incidents';

/** One headline figure of a DoraMetrics answer, ready to show: value, tier, sample size, and what is better. */
export type DoraFigure = {
  key: DoraMetricKey;
  label: string;
  value: number | null;
  display: string;
  /** A second figure shown under the main one (lead time p90). */
  secondary: string | null;
  grade: FigureGrade;
  /** What the figure rests on, as a phrase ("from 412 deployments"). */
  samples: string;
  sampleCount: number;
  /** Whether a higher value is better (deployment frequency) or worse (everything else). */
  higherIsBetter: boolean;
  drill: { kind: DrillKind; status?: string };
  definition: string;
};

const deployDays = (perWeek: number | null) => (perWeek === null ? '—' : `${perWeek} deploy days/week`);

/** Each figure's name, the same on tiles, spread rows and charts. */
export const FIGURE_LABELS: Record<DoraMetricKey, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery time',
  reworkRate: 'Rework rate',
};

/**
 * The five DORA figures, throughput first (lead time, deployment frequency, recovery time), then instability
 * (change failure rate, rework rate), as the 2025 guide groups them. Under the 2023 edition deployment frequency
 * shows median deploy days per week, the figure its band is graded on.
 */
export const toDoraFigures = (metrics: DoraMetrics): DoraFigure[] => {
  const frequency = metrics.deploymentFrequency;
  const byDays = metrics.edition === '2023';
  const figures: DoraFigure[] = [
  {
    key: 'deploymentFrequency',
    label: FIGURE_LABELS.deploymentFrequency,
    value: byDays ? frequency.medianDeployDaysPerWeek : frequency.perDay,
    display: byDays ? deployDays(frequency.medianDeployDaysPerWeek) : formatDeployFrequency(frequency.perDay),
    secondary: byDays ? formatDeployFrequency(frequency.perDay) : null,
    grade: gradeOf(metrics, 'deploymentFrequency', frequency.tier),
    samples: `from ${formatCount(metrics.deploymentFrequency.deployments, 'deployment')}`,
    sampleCount: metrics.deploymentFrequency.deployments,
    higherIsBetter: true,
    drill: { kind: 'deployments' },
    definition: byDays
      ? 'Median number of days with a production deployment per full week (the DORA 2023 band is graded on it).'
      : 'Production deployments per day over the window.',
  },
  {
    key: 'leadTime',
    label: FIGURE_LABELS.leadTime,
    value: metrics.leadTime.p50Seconds,
    display: formatSeconds(metrics.leadTime.p50Seconds),
    secondary: metrics.leadTime.p90Seconds === null ? null : `p90 ${formatSeconds(metrics.leadTime.p90Seconds)}`,
    grade: gradeOf(metrics, 'leadTime', metrics.leadTime.tier),
    samples: `from ${formatCount(metrics.leadTime.changes, 'change')}`,
    sampleCount: metrics.leadTime.changes,
    higherIsBetter: false,
    drill: { kind: 'changes' },
    definition: 'Median time from a commit to the production deployment that first shipped it.',
  },
  {
    key: 'changeFailureRate',
    label: FIGURE_LABELS.changeFailureRate,
    value: metrics.changeFailureRate.rate,
    display: formatRate(metrics.changeFailureRate.rate),
    secondary: `${metrics.changeFailureRate.failed} failed`,
    grade: gradeOf(metrics, 'changeFailureRate', metrics.changeFailureRate.tier),
    samples: `from ${formatCount(metrics.changeFailureRate.deployments, 'deployment')}`,
    sampleCount: metrics.changeFailureRate.deployments,
    higherIsBetter: false,
    drill: { kind: 'deployments', status: 'failed' },
    definition: 'Share of production deployments later rolled back or linked to an incident.',
  },
  {
    key: 'recoveryTime',
    label: FIGURE_LABELS.recoveryTime,
    value: metrics.recoveryTime.p50Seconds,
    display: formatSeconds(metrics.recoveryTime.p50Seconds),
    secondary: null,
    grade: gradeOf(metrics, 'recoveryTime', metrics.recoveryTime.tier),
    samples: `${metrics.recoveryTime.recovered} of ${formatCount(metrics.recoveryTime.failed, 'failed deployment')} recovered`,
    sampleCount: metrics.recoveryTime.recovered,
    higherIsBetter: false,
    drill: { kind: 'deployments', status: 'failed' },
    definition: 'Median time from a failed deployment to its rollback or the resolution of its incidents.',
  },
  {
    key: 'reworkRate',
    label: FIGURE_LABELS.reworkRate,
    value: metrics.reworkRate.rate,
    display: formatRate(metrics.reworkRate.rate),
    secondary: `${metrics.reworkRate.rework} unplanned`,
    grade: gradeOf(metrics, 'reworkRate', null),
    samples: `from ${formatCount(metrics.reworkRate.deployments, 'deployment')}`,
    sampleCount: metrics.reworkRate.deployments,
    higherIsBetter: false,
    drill: { kind: 'deployments', status: 'rework' },
    definition: 'Share of deployments not planned but done to fix a user-facing problem (no 2023 band).',
  },
  ];
  const order: ModelMetricKey[] = ['leadTime', 'deploymentFrequency', 'recoveryTime', 'changeFailureRate', 'reworkRate'];
  return order.map((key) => figures.find((figure) => figure.key === key)!);
};

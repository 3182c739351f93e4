import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import type { DoraMetrics, Tier } from '@/lib/metrics/metrics-types';
import { formatCount } from '../format/format-count';

export type DoraMetricKey = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime' | 'reworkRate';
export type DrillKind = 'deployments' | 'changes' | 'incidents';

/** One headline figure of a DoraMetrics answer, ready to show: value, tier, sample size, and what is better. */
export type DoraFigure = {
  key: DoraMetricKey;
  label: string;
  value: number | null;
  display: string;
  /** A second figure shown under the main one (lead time p90). */
  secondary: string | null;
  tier: Tier | null;
  /** What the figure rests on, as a phrase ("from 412 deployments"). */
  samples: string;
  sampleCount: number;
  /** Whether a higher value is better (deployment frequency) or worse (everything else). */
  higherIsBetter: boolean;
  drill: { kind: DrillKind; status?: string };
  definition: string;
};

/** The five headline figures of DORA, in the order the report lists them. */
export const toDoraFigures = (metrics: DoraMetrics): DoraFigure[] => [
  {
    key: 'deploymentFrequency',
    label: 'Deployment frequency',
    value: metrics.deploymentFrequency.perDay,
    display: formatDeployFrequency(metrics.deploymentFrequency.perDay),
    secondary: metrics.deploymentFrequency.medianDeployDaysPerWeek === null ? null : `median ${metrics.deploymentFrequency.medianDeployDaysPerWeek} deploy days/week`,
    tier: metrics.deploymentFrequency.tier,
    samples: `from ${formatCount(metrics.deploymentFrequency.deployments, 'deployment')}`,
    sampleCount: metrics.deploymentFrequency.deployments,
    higherIsBetter: true,
    drill: { kind: 'deployments' },
    definition: 'Production deployments per day over the window; the tier uses deployment days per week.',
  },
  {
    key: 'leadTime',
    label: 'Lead time for changes',
    value: metrics.leadTime.p50Seconds,
    display: formatSeconds(metrics.leadTime.p50Seconds),
    secondary: metrics.leadTime.p90Seconds === null ? null : `p90 ${formatSeconds(metrics.leadTime.p90Seconds)}`,
    tier: metrics.leadTime.tier,
    samples: `from ${formatCount(metrics.leadTime.changes, 'change')}`,
    sampleCount: metrics.leadTime.changes,
    higherIsBetter: false,
    drill: { kind: 'changes' },
    definition: 'Median time from a commit to the production deployment that first shipped it.',
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    value: metrics.changeFailureRate.rate,
    display: formatRate(metrics.changeFailureRate.rate),
    secondary: `${metrics.changeFailureRate.failed} failed`,
    tier: metrics.changeFailureRate.tier,
    samples: `from ${formatCount(metrics.changeFailureRate.deployments, 'deployment')}`,
    sampleCount: metrics.changeFailureRate.deployments,
    higherIsBetter: false,
    drill: { kind: 'deployments', status: 'failed' },
    definition: 'Share of production deployments later rolled back or linked to an incident.',
  },
  {
    key: 'recoveryTime',
    label: 'Failed deployment recovery time',
    value: metrics.recoveryTime.p50Seconds,
    display: formatSeconds(metrics.recoveryTime.p50Seconds),
    secondary: null,
    tier: metrics.recoveryTime.tier,
    samples: `${metrics.recoveryTime.recovered} of ${formatCount(metrics.recoveryTime.failed, 'failed deployment')} recovered`,
    sampleCount: metrics.recoveryTime.recovered,
    higherIsBetter: false,
    drill: { kind: 'deployments', status: 'failed' },
    definition: 'Median time from a failed deployment to its rollback or the resolution of its incidents.',
  },
  {
    key: 'reworkRate',
    label: 'Rework rate',
    value: metrics.reworkRate.rate,
    display: formatRate(metrics.reworkRate.rate),
    secondary: `${metrics.reworkRate.rework} unplanned`,
    tier: null,
    samples: `from ${formatCount(metrics.reworkRate.deployments, 'deployment')}`,
    sampleCount: metrics.reworkRate.deployments,
    higherIsBetter: false,
    drill: { kind: 'deployments', status: 'rework' },
    definition: 'Share of deployments not planned but done to fix a user-facing problem (DORA 2024; no tiers).',
  },
];

import { computeCluster2024 } from './compute-cluster-2024';
import { computeDeploymentFrequencyTier } from './compute-deployment-frequency-tier';
import { computeDora2025 } from './compute-dora-2025';
import { computeTier2023 } from './compute-tier-2023';
import { formatWindowInstant } from './format-window-instant';
import type { DoraCell, DoraMetrics, DoraModelOptions, MetricsScope, MetricsWindow } from './metrics-types';
import { DAY_MS } from '../format/time-units';


const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Turns one cell of raw SQL figures into the public answer: rates to 4 decimals, deploys per day to 3, seconds to
 * whole seconds. Tiers and the 2024 cluster are classified on the unrounded figures. A figure without samples is
 * null with a null tier, never 0. The 2025 model (answers, scores, benchmark position) is computed from the rounded
 * figures, the ones shown beside it.
 */
export const shapeDoraMetrics = (cell: DoraCell, scope: MetricsScope, window: MetricsWindow, model: DoraModelOptions): DoraMetrics => {
  const days = (window.to.getTime() - window.from.getTime()) / DAY_MS;
  const hasDeployments = cell.deployments > 0;
  const perDay = hasDeployments ? cell.deployments / days : null;
  const weekMedian = hasDeployments ? cell.weekMedian : null;
  const monthMedian = hasDeployments ? cell.monthMedian : null;
  const failureRate = ratio(cell.failed, cell.deployments);
  const recoveryP50 = cell.recovered > 0 ? cell.recoveryP50 : null;
  const leadP50 = cell.changes > 0 ? cell.leadP50 : null;
  const shown = {
    deploymentFrequency: {
      deployments: cell.deployments,
      perDay: round(perDay, 3),
      medianDeployDaysPerWeek: weekMedian,
      medianDeployDaysPerMonth: monthMedian,
      tier: hasDeployments ? computeDeploymentFrequencyTier({ weekMedian, monthMedian }) : null,
    },
    leadTime: {
      changes: cell.changes,
      p50Seconds: round(leadP50, 0),
      p90Seconds: round(cell.changes > 0 ? cell.leadP90 : null, 0),
      tier: computeTier2023('leadTime', leadP50),
    },
    changeFailureRate: { deployments: cell.deployments, failed: cell.failed, rate: round(failureRate, 4), tier: computeTier2023('changeFailureRate', failureRate) },
    recoveryTime: { failed: cell.failed, recovered: cell.recovered, p50Seconds: round(recoveryP50, 0), tier: computeTier2023('recoveryTime', recoveryP50) },
    reworkRate: { deployments: cell.deployments, rework: cell.rework, rate: round(ratio(cell.rework, cell.deployments), 4) },
  };
  return {
    scope: 'services' in scope ? { services: [...scope.services] } : scope,
    window: { from: formatWindowInstant(window.from), to: formatWindowInstant(window.to) },
    edition: model.edition,
    deploymentFrequency: shown.deploymentFrequency,
    leadTime: shown.leadTime,
    changeFailureRate: shown.changeFailureRate,
    recoveryTime: shown.recoveryTime,
    timeToRestore: { incidents: cell.incidents, p50Seconds: round(cell.incidents > 0 ? cell.restoreP50 : null, 0) },
    reworkRate: shown.reworkRate,
    cluster2024: computeCluster2024({ deploysPerDay: perDay, leadTimeSeconds: leadP50, changeFailureRate: failureRate, recoveryTimeSeconds: recoveryP50 }),
    ...computeDora2025(shown, model.benchmark),
  };
};

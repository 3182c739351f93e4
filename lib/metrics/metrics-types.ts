import type { Config } from '../config/config-schema';

/** Whose figures: one service, one team's services, the whole organization, or any set of services (pooled). */
export type MetricsScope = { service: string } | { team: string } | { org: true } | { services: string[] };

/** Half-open `[from, to)`, in UTC. */
export type MetricsWindow = { from: Date; to: Date };

export type MetricsSettings = Pick<Config['metrics'], 'productionEnvironmentPattern' | 'attributionWindowHours' | 'reworkLabels'>;

export type Tier = 'elite' | 'high' | 'medium' | 'low';

export type DeploymentFrequency = {
  deployments: number;
  perDay: number | null;
  medianDeployDaysPerWeek: number | null;
  medianDeployDaysPerMonth: number | null;
  tier: Tier | null;
};

export type DoraMetrics = {
  scope: MetricsScope;
  window: { from: string; to: string };
  deploymentFrequency: DeploymentFrequency;
  leadTime: { changes: number; p50Seconds: number | null; p90Seconds: number | null; tier: Tier | null };
  changeFailureRate: { deployments: number; failed: number; rate: number | null; tier: Tier | null };
  recoveryTime: { failed: number; recovered: number; p50Seconds: number | null; tier: Tier | null };
  timeToRestore: { incidents: number; p50Seconds: number | null };
  reworkRate: { deployments: number; rework: number; rate: number | null };
  cluster2024: Tier | null;
};

/** The raw figures of one (window, group) cell, as SQL computes them, before rounding and tiers. */
export type DoraCell = {
  w: number;
  g: string;
  deployments: number;
  failed: number;
  recovered: number;
  recoveryP50: number | null;
  rework: number;
  changes: number;
  leadP50: number | null;
  leadP90: number | null;
  fullWeeks: number;
  weekMedian: number | null;
  fullMonths: number;
  monthMedian: number | null;
  incidents: number;
  restoreP50: number | null;
};

import type { Config } from '../config/config-schema';
import type { Dora2025 } from './compute-dora-2025';

/** Whose figures: one service, one team's services, the whole organization, or any set of services (pooled). */
export type MetricsScope = { service: string } | { team: string } | { org: true } | { services: string[] };

/** Half-open `[from, to)`, in UTC. */
export type MetricsWindow = { from: Date; to: Date };

/** Whose a team's history is: the team that owned each service at each event's time, or today's owners. */
export type TeamOwners = 'history' | 'current';

export type MetricsSettings = Pick<
  Config['metrics'],
  'productionEnvironmentPattern' | 'attributionWindowHours' | 'reworkLabels'
> & {
  /** Default `metrics.teamOwners` (history). */
  teamOwners?: TeamOwners;
};

/** What a read over one scope and window takes; settings default to the configuration's. */
export type ScopedMetricsRead = {
  db: import('../db/client').Executor;
  scope: MetricsScope;
  window: MetricsWindow;
  settings?: Partial<MetricsSettings>;
};

export type Tier = 'elite' | 'high' | 'medium' | 'low';

/** Which DORA edition an answer leads with: 2025 scores (default), the 2024 cluster, or the 2023 bands. */
export type Edition = '2023' | '2024' | '2025';
export const EDITIONS: Edition[] = ['2025', '2024', '2023'];

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
  edition: Edition;
  deploymentFrequency: DeploymentFrequency;
  leadTime: { changes: number; p50Seconds: number | null; p90Seconds: number | null; tier: Tier | null };
  changeFailureRate: { deployments: number; failed: number; rate: number | null; tier: Tier | null };
  recoveryTime: { failed: number; recovered: number; p50Seconds: number | null; tier: Tier | null };
  timeToRestore: { incidents: number; p50Seconds: number | null };
  reworkRate: { deployments: number; rework: number; rate: number | null };
  cluster2024: Tier | null;
} & Pick<Dora2025, 'factors' | 'overall' | 'benchmark' | 'samples' | 'notes'>;

/** What the 2025 model is computed against: the edition to lead with and the benchmark group. */
export type DoraModelOptions = { edition: Edition; benchmark: import('./get-benchmark-group').BenchmarkGroup };

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

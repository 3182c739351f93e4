import type { FactKind } from '../domain/facts';
import type { METRIC_NAMES } from './standards-schema';

/** A check's status for one service. `unknown`: the facts it needs are missing, stale or failed to collect. */
export const CHECK_STATUSES = ['pass', 'fail', 'exempt', 'skip', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
/** What a rule alone can say; `exempt` and `skip` are decided around it. */
export type RuleStatus = 'pass' | 'fail' | 'unknown';

/** Why a check has its status: always a one-line `summary`, plus the file and line, API answer or value behind it. */
export type Evidence = { summary: string } & Record<string, unknown>;

export type RuleOutcome = {
  status: RuleStatus;
  evidence: Evidence;
  /** The fact the outcome was read from, for its age. */
  fact?: { kind: FactKind; collectedAt: Date } | null;
  commitSha?: string | null;
};

export type FactSnapshot = {
  kind: string;
  source: string;
  status: string;
  error: string | null;
  data: Record<string, unknown> | null;
  collectedAt: Date;
  checkedAt: Date;
};

export type MetricName = (typeof METRIC_NAMES)[number];
/** DORA figures of one service over one window; null where there were no samples. */
export type MetricFigures = Record<MetricName, number | null>;

export type ExternalResult = { status: string; details: string | null; url: string | null; reportedAt: Date; reportedBy: string };

export type ActiveExemption = {
  id: string;
  source: 'file' | 'api';
  service: string;
  check: string;
  reason: string;
  /** Last day (UTC, YYYY-MM-DD) the exemption applies. */
  expires: string;
  createdBy: string | null;
  createdAt: string | null;
};

export type ServiceDescription = { name: string; team: string | null; lifecycle: string | null; tier: string | null; tags: string[] | null };

/** Everything the checks of one service are evaluated against, as of one moment. */
export type ServiceInputs = {
  service: ServiceDescription;
  facts: Partial<Record<FactKind, FactSnapshot>>;
  lastDeployment: { id: string; environment: string; finishedAt: Date } | null;
  /** By window length in days; absent when not loaded. */
  metrics: Record<number, MetricFigures | null>;
  /** By external check name: the latest result reported up to the moment of evaluation. */
  external: Record<string, ExternalResult>;
  exemptions: ActiveExemption[];
};

export type RuleContext = {
  inputs: ServiceInputs;
  asOf: Date;
  factsMaxAgeDays: number;
  externalResultMaxAgeDays: number;
};

/** One check's result for one service, as stored in check_results. */
export type CheckOutcome = {
  service: string;
  checkId: string;
  checkHash: string;
  level: string;
  status: CheckStatus;
  evidence: Evidence;
  exemption: ActiveExemption | null;
  factsCollectedAt: Date | null;
  commitSha: string | null;
};

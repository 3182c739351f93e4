import type { z } from 'zod';
import type { ServiceRow } from '../../catalog/list-services';
import type { TeamRow } from '../../catalog/list-teams';
import type { AdoptionImpact } from '../../impact/measure-adoption-impact';
import type { DoraSeries } from '../../metrics/get-dora-series';
import type { ListedChange } from '../../metrics/list-changes';
import type { ListedDeployment } from '../../metrics/list-deployments';
import type { ListedIncident } from '../../metrics/list-incidents';
import type { MetricsAnswer } from '../../metrics/get-metrics-answer';
import type { DoraMetrics } from '../../metrics/metrics-types';
import type { CheckSummary } from '../../scorecard/compute-check-summary';
import type { ScorecardSummaryRow } from '../../scorecard/compute-scorecard-rows';
import type { AdoptionSeries } from '../../scorecard/get-adoption-series';
import type { ServiceScorecard } from '../../scorecard/list-service-scorecards';
import type { ZService, ZTeam } from './catalog-schemas';
import type { ZAdoptionImpact } from './impact-schemas';
import type { ZDoraMetrics, ZDoraSeries, ZListedChange, ZListedDeployment, ZListedIncident, ZMetricsAnswer } from './metrics-schemas';
import type { ZAdoptionSeries, ZCheckAdoption, ZScorecardSummary, ZServiceScorecard } from './scorecard-schemas';

// Compile-time only: each API schema and the lib type it describes must accept each other both ways, so neither can
// gain or lose a field without `tsc` failing here (the schemas are written by hand; the lib types stay the truth).
type Same<T, S extends z.ZodType> = [T] extends [z.output<S>] ? ([z.output<S>] extends [T] ? true : false) : false;

export type SchemaTypesAgree = [
  Same<DoraMetrics, typeof ZDoraMetrics>,
  Same<MetricsAnswer, typeof ZMetricsAnswer>,
  Same<DoraSeries, typeof ZDoraSeries>,
  Same<ListedDeployment, typeof ZListedDeployment>,
  Same<ListedChange, typeof ZListedChange>,
  Same<ListedIncident, typeof ZListedIncident>,
  Same<ServiceScorecard, typeof ZServiceScorecard>,
  Same<ScorecardSummaryRow, typeof ZScorecardSummary>,
  Same<CheckSummary, typeof ZCheckAdoption>,
  Same<AdoptionSeries, typeof ZAdoptionSeries>,
  Same<AdoptionImpact, typeof ZAdoptionImpact>,
  Same<ServiceRow, typeof ZService>,
  Same<TeamRow, typeof ZTeam>,
] extends true[]
  ? true
  : never;

export const SCHEMA_TYPES_AGREE: SchemaTypesAgree = true;

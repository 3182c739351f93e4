import { computeScorecardSummary, type ScorecardSummary } from './compute-scorecard-summary';
import { evaluateCheck } from './evaluate-check';
import type { Standards } from './standards-schema';
import type { CheckOutcome, RuleContext } from './scorecard-types';

export type ServiceEvaluation = ScorecardSummary & { service: string; outcomes: CheckOutcome[] };

/** Every check of the standards for one service, with its level and score. Pure: the inputs were loaded before. */
export const evaluateServiceScorecard = (standards: Standards, context: RuleContext): ServiceEvaluation => {
  const outcomes = standards.checks.map((check) => evaluateCheck(check, context));
  return { service: context.inputs.service.name, outcomes, ...computeScorecardSummary(standards.levels, outcomes) };
};

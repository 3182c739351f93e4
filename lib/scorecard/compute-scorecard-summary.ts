import { countStatuses, type StatusCounts } from './count-statuses';
import type { CheckStatus } from './scorecard-types';

export const UNRANKED = 'unranked';

export type { StatusCounts };
export type ScorecardSummary = { level: string; score: number | null; counts: StatusCounts };

/**
 * Levels are cumulative: a service is at level L when every applicable check at L and below is pass or exempt;
 * one failing or unknown bronze check keeps it unranked whatever it passes higher up. The score is
 * passes / (applicable checks not exempt), unknown counting against it: a check nobody can see is not a pass.
 * A level none of whose checks apply is passed through; a service to which no check applies at all is unranked.
 */
export const computeScorecardSummary = (levels: readonly string[], outcomes: ReadonlyArray<{ level: string; status: CheckStatus }>): ScorecardSummary => {
  const counts = countStatuses(outcomes.map((outcome) => outcome.status));
  let level = UNRANKED;
  // A service no check applies to has shown nothing: it stays unranked rather than reaching the top level vacuously.
  const applicable = outcomes.length - counts.skip;
  for (const [rank, name] of applicable === 0 ? [] : levels.entries()) {
    const blocking = outcomes.some((outcome) => {
      const checkRank = levels.indexOf(outcome.level);
      return checkRank >= 0 && checkRank <= rank && (outcome.status === 'fail' || outcome.status === 'unknown');
    });
    if (blocking) break;
    level = name;
  }
  const denominator = counts.pass + counts.fail + counts.unknown;
  const score = denominator === 0 ? null : Math.round((counts.pass / denominator) * 10_000) / 10_000;
  return { level, score, counts };
};

import type { Standards } from '../scorecard/standards-schema';
import type { CampaignGoal } from './campaign-schema';

/** Statuses that leave nothing to do: passing, exempted, or not applying to the service. */
const SETTLED = new Set(['pass', 'exempt', 'skip']);

export type GoalJudgement = { done: boolean; blocking: string[] };

/**
 * Whether one day's scorecard of a service meets a campaign's goal, and which checks stand in the way. A checks
 * goal is met when each named check passes, is exempt or does not apply (a check missing from that day's snapshot,
 * added later, counts as not yet met). A level goal is met at that level or above; the checks in the way are the
 * failing or unknown ones at that level and below (the same rule that decides the level, see
 * computeScorecardSummary).
 */
export const judgeCampaignGoal = (
  goal: CampaignGoal,
  standards: Pick<Standards, 'levels' | 'checks'>,
  snapshot: { level: string | null; statuses: Record<string, string> } | null,
): GoalJudgement => {
  const statuses = snapshot?.statuses ?? {};
  if (goal.checks) {
    const blocking = goal.checks.filter((id) => !SETTLED.has(statuses[id] ?? 'unknown'));
    return { done: snapshot !== null && blocking.length === 0, blocking };
  }
  const goalRank = standards.levels.indexOf(goal.level!);
  const blocking = standards.checks
    .filter((check) => standards.levels.indexOf(check.level) <= goalRank)
    .filter((check) => statuses[check.id] === 'fail' || statuses[check.id] === 'unknown' || (snapshot !== null && statuses[check.id] === undefined))
    .map((check) => check.id);
  const rank = snapshot?.level ? standards.levels.indexOf(snapshot.level) : -1;
  return { done: rank >= goalRank, blocking };
};

import { UNRANKED } from '../scorecard/compute-scorecard-summary';
import type { ScorecardCheck } from '../scorecard/list-service-scorecards';
import type { Campaign } from './campaign-schema';

export type TodoCampaign = Pick<Campaign, 'name' | 'title' | 'deadline'>;
export type TodoItem = ScorecardCheck & { campaign: TodoCampaign | null };

export type ServiceTodo = {
  level: string;
  /** The level above the current one; null at the top level. */
  nextLevel: string | null;
  /** Failing or unknown checks at the next level and below: fixing all of them reaches it. */
  blocking: TodoItem[];
  /** Failing or unknown checks of the levels after that. */
  later: TodoItem[];
  /** Passing, exempt and not applicable checks. */
  settled: TodoItem[];
};

const OPEN = new Set(['fail', 'unknown']);

/** Whether a campaign asks for this check: by name, or through a level goal at the check's level or above. */
const asksFor = (campaign: Campaign, check: ScorecardCheck, levels: readonly string[]) =>
  campaign.goal.checks ? campaign.goal.checks.includes(check.id) : levels.indexOf(check.level) <= levels.indexOf(campaign.goal.level!);

/**
 * A service owner's to-do list from its scorecard: the open checks (failing or unknown) that stand between the
 * service and its next level first, then those of later levels, each ordered by level, then by the deadline of the
 * nearest campaign asking for it (checks no campaign asks for last), then in standards order. `campaigns` are the
 * running campaigns whose scope holds the service.
 */
export const planServiceTodo = ({ level, checks, levels, campaigns }: { level: string; checks: readonly ScorecardCheck[]; levels: readonly string[]; campaigns: readonly Campaign[] }): ServiceTodo => {
  const nextRank = level === UNRANKED ? 0 : levels.indexOf(level) + 1;
  const nextLevel = levels[nextRank] ?? null;
  const items = checks.map((check, position) => {
    const campaign = campaigns.filter((candidate) => asksFor(candidate, check, levels)).sort((a, b) => a.deadline.localeCompare(b.deadline))[0];
    return { position, item: { ...check, campaign: campaign ? { name: campaign.name, title: campaign.title, deadline: campaign.deadline } : null } };
  });
  const ordered = items
    .sort((a, b) => levels.indexOf(a.item.level) - levels.indexOf(b.item.level) || (a.item.campaign?.deadline ?? '9999').localeCompare(b.item.campaign?.deadline ?? '9999') || a.position - b.position)
    .map(({ item }) => item);
  const open = ordered.filter((item) => OPEN.has(item.status));
  return {
    level,
    nextLevel,
    blocking: open.filter((item) => levels.indexOf(item.level) <= nextRank),
    later: open.filter((item) => levels.indexOf(item.level) > nextRank),
    settled: checks.filter((check) => !OPEN.has(check.status)).map((check) => items.find(({ item }) => item.id === check.id)!.item),
  };
};

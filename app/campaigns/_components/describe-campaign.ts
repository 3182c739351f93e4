import type { Campaign } from '@/lib/campaigns/campaign-schema';
import type { Projection } from '@/lib/campaigns/project-completion';
import { formatDate } from '@/lib/format/format-date';

const day = (value: string) => formatDate(`${value}T00:00:00Z`);

/** "Checks tracing pass" / "Level silver or above": what done means, in words. */
export const describeGoal = (campaign: Campaign, titles: Map<string, string>) =>
  campaign.goal.checks
    ? `${campaign.goal.checks.map((id) => `“${titles.get(id) ?? id}”`).join(' and ')} ${campaign.goal.checks.length === 1 ? 'passes' : 'pass'}`
    : `At ${campaign.goal.level} or above`;

/** "tier 1 · team checkout": the services in scope, or every service. */
export const describeScope = (campaign: Campaign) => {
  const parts = (['team', 'tier', 'lifecycle', 'tags'] as const).flatMap((key) => {
    const values = campaign.scope[key];
    return values ? [`${key === 'tags' ? 'tagged' : key} ${values.join(' or ')}`] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : 'every service';
};

/** The projected completion in one phrase, and whether it meets the deadline. */
export const describeProjection = (projection: Projection, deadline: string): { text: string; onTrack: boolean | null } => {
  switch (projection.kind) {
    case 'complete':
      return { text: `Complete since ${day(projection.on)}`, onTrack: projection.on <= deadline };
    case 'projected':
      return { text: `${day(projection.on)} at ${projection.perWeek} services a week`, onTrack: projection.onTrack };
    case 'stalled':
      return { text: projection.paceDays === 0 ? 'Not enough history for a pace yet' : `No progress in the last ${projection.paceDays} days`, onTrack: false };
    default:
      return { text: 'Not started', onTrack: null };
  }
};

export const formatCampaignDay = day;

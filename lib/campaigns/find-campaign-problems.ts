import type { CampaignDefinition } from './campaign-schema';

type Problem = (path: readonly PropertyKey[], message: string) => string;

/** What the schema cannot see on its own: campaign names are unique, and goals name checks and levels of the file. */
type CampaignContext = { checks: readonly { id: string }[]; levels: readonly string[]; campaigns: readonly CampaignDefinition[] };

export const findCampaignProblems = (file: CampaignContext, problem: Problem): string[] => {
  const details: string[] = [];
  const ids = new Set(file.checks.map((check) => check.id));
  const seen = new Map<string, number>();
  file.campaigns.forEach((campaign, index) => {
    const first = seen.get(campaign.name);
    if (first !== undefined) details.push(problem(['campaigns', index, 'name'], `duplicate name; campaigns[${first}] already uses it`));
    else seen.set(campaign.name, index);
    campaign.goal.checks?.forEach((id, position) => {
      if (!ids.has(id)) details.push(problem(['campaigns', index, 'goal', 'checks', position], `no check has the id "${id}"`));
    });
    const { level } = campaign.goal;
    if (level !== undefined && !file.levels.includes(level)) details.push(problem(['campaigns', index, 'goal', 'level'], `"${level}" is not one of the levels (${file.levels.join(', ')})`));
  });
  return details;
};

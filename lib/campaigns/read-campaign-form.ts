const LIST_FIELDS = { checks: 'goal', team: 'scope', tier: 'scope', lifecycle: 'scope', tags: 'scope' } as const;

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * The campaigns page's form (flat fields, lists comma-separated) as the JSON object `ZCampaign` reads, so the form
 * and API clients go through the one validation. Fields left empty are left out.
 */
export const readCampaignForm = (body: string): string => {
  const campaign: Record<string, unknown> = {};
  const goal: Record<string, unknown> = {};
  const scope: Record<string, unknown> = {};
  for (const [key, raw] of new URLSearchParams(body)) {
    const value = raw.trim();
    if (value === '') continue;
    if (key in LIST_FIELDS) (LIST_FIELDS[key as keyof typeof LIST_FIELDS] === 'goal' ? goal : scope)[key] = splitList(value);
    else if (key === 'level') goal.level = value;
    else campaign[key] = value;
  }
  return JSON.stringify({ ...campaign, goal, scope });
};

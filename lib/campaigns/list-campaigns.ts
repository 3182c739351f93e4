import type { Executor } from '../db/client';
import { listDemoCampaigns } from '../demo/demo-campaigns';
import { getDemoStatus } from '../demo/get-demo-status';
import type { Standards } from '../scorecard/standards-schema';
import type { Campaign, CampaignDefinition } from './campaign-schema';
import { listStoredCampaigns } from './list-stored-campaigns';

const titled = (definition: CampaignDefinition, origin: Campaign['origin']): Campaign => ({ ...definition, title: definition.title ?? definition.name, origin });

/**
 * The campaigns in force: those of the standards file, those created in the UI or the API, then, while the demo
 * organization is loaded, the demo's own. A stored or demo campaign is left out when a campaign before it has its
 * name or the standards no longer have the checks or level it names (a stored one returns with them). Deadline first.
 */
export const listCampaigns = async ({ db, standards }: { db: Executor; standards: Standards }): Promise<Campaign[]> => {
  const own = standards.campaigns.map((definition) => titled(definition, 'standards'));
  const demo = await getDemoStatus({ db });
  const ids = new Set(standards.checks.map((check) => check.id));
  const fits = (definition: CampaignDefinition) =>
    (definition.goal.checks ?? []).every((id) => ids.has(id)) &&
    (definition.goal.level === undefined || standards.levels.includes(definition.goal.level));
  const campaigns = [...own];
  const add = (definitions: CampaignDefinition[], origin: Campaign['origin']) => {
    for (const definition of definitions) {
      if (fits(definition) && !campaigns.some((campaign) => campaign.name === definition.name)) campaigns.push(titled(definition, origin));
    }
  };
  add(await listStoredCampaigns(db), 'stored');
  add(demo.loaded ? listDemoCampaigns(demo.through) : [], 'demo');
  return campaigns.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.name.localeCompare(b.name));
};

/** One campaign by name, or null. */
export const getCampaign = async ({ db, standards, name }: { db: Executor; standards: Standards; name: string }) =>
  (await listCampaigns({ db, standards })).find((campaign) => campaign.name === name) ?? null;

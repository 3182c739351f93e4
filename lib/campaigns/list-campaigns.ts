import type { Executor } from '../db/client';
import { listDemoCampaigns } from '../demo/demo-campaigns';
import { getDemoStatus } from '../demo/get-demo-status';
import type { Standards } from '../scorecard/standards-schema';
import type { Campaign, CampaignDefinition } from './campaign-schema';

const titled = (definition: CampaignDefinition, origin: Campaign['origin']): Campaign => ({ ...definition, title: definition.title ?? definition.name, origin });

/**
 * The campaigns in force: those of the standards file, then, while the demo organization is loaded, the demo's
 * own (left out when the standards lack the checks or level it names, or a file campaign has its name). Deadline first.
 */
export const listCampaigns = async ({ db, standards }: { db: Executor; standards: Standards }): Promise<Campaign[]> => {
  const own = standards.campaigns.map((definition) => titled(definition, 'standards'));
  const demo = await getDemoStatus({ db });
  const ids = new Set(standards.checks.map((check) => check.id));
  const extra = demo.loaded
    ? listDemoCampaigns(demo.through)
        .filter((definition) => !own.some((campaign) => campaign.name === definition.name))
        .filter((definition) => (definition.goal.checks ?? []).every((id) => ids.has(id)))
        .filter((definition) => definition.goal.level === undefined || standards.levels.includes(definition.goal.level))
        .map((definition) => titled(definition, 'demo'))
    : [];
  return [...own, ...extra].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.name.localeCompare(b.name));
};

/** One campaign by name, or null. */
export const getCampaign = async ({ db, standards, name }: { db: Executor; standards: Standards; name: string }) =>
  (await listCampaigns({ db, standards })).find((campaign) => campaign.name === name) ?? null;

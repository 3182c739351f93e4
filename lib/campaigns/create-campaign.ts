import { AppError } from '../errors';
import type { Executor } from '../db/client';
import { storedCampaigns } from '../db/schema';
import type { Standards } from '../scorecard/standards-schema';
import type { CampaignDefinition } from './campaign-schema';
import { findCampaignProblems } from './find-campaign-problems';
import { listCampaigns } from './list-campaigns';

/**
 * Stores a campaign a platform user set up (already shaped by `ZCampaign`): its goal must name checks and a level of
 * the standards in force, and its name must be free (the file's, the demo's and stored campaigns share one namespace).
 */
export const createCampaign = async ({ db, standards, definition, actor }: { db: Executor; standards: Standards; definition: CampaignDefinition; actor: string }) => {
  const file = { checks: standards.checks, levels: standards.levels, campaigns: [definition] };
  const details = findCampaignProblems(file, (path, message) => `${path.slice(2).join('.')}: ${message}`);
  const taken = `name: a campaign named "${definition.name}" already exists`;
  if ((await listCampaigns({ db, standards })).some((campaign) => campaign.name === definition.name)) details.push(taken);
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid campaign; nothing was stored', { details });
  // A stored campaign hidden because the standards lost its checks still holds its name.
  const stored = await db
    .insert(storedCampaigns)
    .values({ name: definition.name, definition, createdBy: actor })
    .onConflictDoNothing()
    .returning({ name: storedCampaigns.name });
  if (stored.length === 0) throw new AppError('VALIDATION_FAILED', 'Invalid campaign; nothing was stored', { details: [taken] });
  return definition;
};

import { asc } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { storedCampaigns } from '../db/schema';
import { ZCampaign, type CampaignDefinition } from './campaign-schema';

/** Campaigns created in the UI or the API, as validated when they were stored. */
export const listStoredCampaigns = async (db: Executor): Promise<CampaignDefinition[]> => {
  const rows = await db.select({ definition: storedCampaigns.definition }).from(storedCampaigns).orderBy(asc(storedCampaigns.name));
  return rows.map((row) => ZCampaign.parse(row.definition));
};

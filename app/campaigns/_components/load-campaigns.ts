import { getCampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { getCampaign, listCampaigns } from '@/lib/campaigns/list-campaigns';
import { getDb } from '@/lib/db/client';
import { getStandards } from '@/lib/scorecard/get-standards';

/** Every campaign with its progress, from the stored snapshots (the server's upkeep keeps them current). */
export const loadCampaignProgresses = async () => {
  const db = await getDb();
  const standards = getStandards();
  const campaigns = await listCampaigns({ db, standards });
  return { standards, progresses: await Promise.all(campaigns.map((campaign) => getCampaignProgress({ db, campaign, standards }))) };
};

/** One campaign's progress by name, or null when no campaign has that name. */
export const loadCampaignProgress = async (name: string) => {
  const db = await getDb();
  const standards = getStandards();
  const campaign = await getCampaign({ db, standards, name });
  if (!campaign) return null;
  return { standards, progress: await getCampaignProgress({ db, campaign, standards }) };
};

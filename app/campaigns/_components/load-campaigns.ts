import { getCampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { getCampaign, listCampaigns } from '@/lib/campaigns/list-campaigns';
import { getDb } from '@/lib/db/client';
import { ensureScorecardsFresh } from '@/lib/scorecard/ensure-scorecards-fresh';
import { getStandards } from '@/lib/scorecard/get-standards';

/** Every campaign with its progress, after bringing the scorecards up to date (the snapshots they read). */
export const loadCampaignProgresses = async () => {
  const db = await getDb();
  const standards = getStandards();
  await ensureScorecardsFresh({ db, standards });
  const campaigns = await listCampaigns({ db, standards });
  return { standards, progresses: await Promise.all(campaigns.map((campaign) => getCampaignProgress({ db, campaign, standards }))) };
};

/** One campaign's progress by name, or null when no campaign has that name. */
export const loadCampaignProgress = async (name: string) => {
  const db = await getDb();
  const standards = getStandards();
  const campaign = await getCampaign({ db, standards, name });
  if (!campaign) return null;
  await ensureScorecardsFresh({ db, standards });
  return { standards, progress: await getCampaignProgress({ db, campaign, standards }) };
};

import { getCampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { getCampaign } from '@/lib/campaigns/list-campaigns';
import { AppError } from '@/lib/errors';
import { buildCampaignCsv } from '@/lib/export/build-campaign-csv';
import { csvResponse } from '@/lib/http/csv-response';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { decodeNameSegment } from '@/lib/links/name-path';
import { getStandards } from '@/lib/scorecard/get-standards';

export const dynamic = 'force-dynamic';

/** GET /api/campaigns/:name/export.csv → the campaign's burn-up (done per day against the straight line), as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return handleReadRequest(request, '/api/campaigns/:name/export.csv', async (db) => {
    const name = decodeNameSegment((await params).name);
    const standards = getStandards();
    const campaign = await getCampaign({ db, standards, name });
    if (!campaign) throw new AppError('NOT_FOUND', `No campaign named "${name}"`);
    return csvResponse(`waymark-campaign-${campaign.name}.csv`, buildCampaignCsv(await getCampaignProgress({ db, campaign, standards })));
  });
}

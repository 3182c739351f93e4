import { ZCampaign } from '@/lib/campaigns/campaign-schema';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { readCampaignForm } from '@/lib/campaigns/read-campaign-form';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { isFormPost, seeOther } from '@/lib/http/read-form-or-json';
import { campaignPath } from '@/lib/links/name-path';
import { getStandards } from '@/lib/scorecard/get-standards';
import { parseRequest } from '@/lib/scorecard/parse-request';

export const dynamic = 'force-dynamic';

/**
 * A platform user sets up a campaign: JSON shaped as a standards-file campaign, or the campaigns page's form (sent on
 * to the new campaign's page). Audited; the file's campaigns stay in the file.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/campaigns',
    async ({ db, actor, readBody, audit }) => {
      const form = isFormPost(request);
      const body = await readBody();
      const [definition] = parseRequest(ZCampaign, form ? readCampaignForm(body) : body);
      const created = await createCampaign({ db, standards: getStandards(), definition: definition!, actor });
      audit({ action: 'campaign.create', target: created.name, detail: { goal: created.goal, scope: created.scope, deadline: created.deadline } });
      return form ? seeOther(campaignPath(created.name)) : created;
    },
    { status: 201, access: { role: 'platform', scope: 'admin' } },
  );
}

import { requireServiceAccess } from '@/lib/auth/require-service-access';
import { getConfig } from '@/lib/config/load-config';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { formToJson, isFormPost, seeOther } from '@/lib/http/read-form-or-json';
import { servicePath } from '@/lib/links/name-path';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { requestExemption } from '@/lib/scorecard/request-exemption';
import { ZExemptionRequest } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/**
 * An owner requests an exemption `{service, check, reason, expires}` for a service of their team (JSON, or the
 * service page's form, which is sent back to the page). It waits for the platform team.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/exemptions/requests',
    async ({ db, caller, actor, readBody, audit }) => {
      const form = isFormPost(request);
      const body = await readBody();
      const [input] = parseRequest(ZExemptionRequest, form ? formToJson(body) : body);
      await requireServiceAccess(db, caller, [input!.service]);
      const row = await requestExemption({ db, request: input!, actor, maxDays: getConfig().scorecard.exemptionMaxDays });
      audit({ action: 'exemption.request', target: `${row.service}/${row.checkId}`, detail: { id: row.id, reason: row.reason, expires: row.expires } });
      return form ? seeOther(`${servicePath(row.service)}?requested=${encodeURIComponent(row.checkId)}`) : row;
    },
    { status: 201, access: { role: 'owner', scope: 'admin' } },
  );
}

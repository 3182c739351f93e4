import { handleReadRequest } from '@/lib/http/handle-read-request';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { listExemptions } from '@/lib/scorecard/list-exemptions';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { recordExemption } from '@/lib/scorecard/record-exemption';
import { ZExemptionRequest } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/** Exemptions (file and API) with their audit trail: `?service=`, `?all=true` to include expired and revoked ones. */
export async function GET(request: Request) {
  return handleReadRequest(request, '/api/exemptions', (db, query) =>
    listExemptions({ db, service: query.get('service') ?? undefined, includeInactive: query.get('all') === 'true' }),
  );
}

/** Grants an exemption `{service, check, reason, expires}`; the audit records the token's name as who granted it. */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/exemptions',
    async ({ db, actor, readBody, audit }) => {
      const [exemption] = parseRequest(ZExemptionRequest, await readBody());
      const granted = await recordExemption({ db, request: exemption!, actor });
      audit({ action: 'exemption.grant', target: `${granted.service}/${granted.checkId}`, detail: { id: granted.id, reason: granted.reason, expires: granted.expires, superseded: granted.superseded } });
      return granted;
    },
    { status: 201, access: { role: 'platform', scope: 'admin' } },
  );
}

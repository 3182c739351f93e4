import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { readBody } from '@/lib/http/read-body';
import { requireReadAccess, requireWriteToken } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';
import { listExemptions } from '@/lib/scorecard/list-exemptions';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { recordExemption } from '@/lib/scorecard/record-exemption';
import { ZExemptionRequest } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/** Exemptions (file and API) with their audit trail: `?service=`, `?all=true` to include expired and revoked ones. */
export async function GET(request: Request) {
  return withSpan('http GET /api/exemptions', {}, async () => {
    try {
      const db = await getDb();
      const denied = await requireReadAccess(db, request);
      if (denied) return denied;
      const query = new URL(request.url).searchParams;
      return jsonResponse(await listExemptions({ db, service: query.get('service') ?? undefined, includeInactive: query.get('all') === 'true' }));
    } catch (error) {
      return errorResponse(error);
    }
  });
}

/** Grants an exemption `{service, check, reason, expires}`; the audit records the token's name as who granted it. */
export async function POST(request: Request) {
  return withSpan('http POST /api/exemptions', {}, async () => {
    try {
      const db = await getDb();
      const caller = await requireWriteToken(db, request);
      if (caller instanceof Response) return caller;
      const [exemption] = parseRequest(ZExemptionRequest, await readBody(request, getConfig().server.maxBodyBytes));
      return jsonResponse(await recordExemption({ db, request: exemption!, actor: caller.name }), 201);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

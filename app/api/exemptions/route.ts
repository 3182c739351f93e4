import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { readBody } from '@/lib/http/read-body';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { requireWriteToken } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';
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

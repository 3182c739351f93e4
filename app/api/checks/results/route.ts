import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { readBody } from '@/lib/http/read-body';
import { requireWriteToken } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { recordExternalCheckResults } from '@/lib/scorecard/record-external-check-results';
import { ZExternalResult } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/**
 * Results of `external` checks pushed by CI: `{service, check, status: pass|fail, details?, url?}`, or an array of
 * them (all or nothing). The reporter is the token's name. 201 with what was stored.
 */
export async function POST(request: Request) {
  return withSpan('http POST /api/checks/results', {}, async () => {
    try {
      const db = await getDb();
      const caller = await requireWriteToken(db, request);
      if (caller instanceof Response) return caller;
      const results = parseRequest(ZExternalResult, await readBody(request, getConfig().server.maxBodyBytes), { allowBatch: true });
      return jsonResponse(await recordExternalCheckResults({ db, results, reportedBy: caller.name }), 201);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

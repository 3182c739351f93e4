import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { recordExternalCheckResults } from '@/lib/scorecard/record-external-check-results';
import { ZExternalResult } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/**
 * Results of `external` checks pushed by CI: `{service, check, status: pass|fail, details?, url?}`, or an array of
 * them (all or nothing). The reporter is the token's name. 201 with what was stored.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/checks/results',
    async ({ db, caller, readBody }) => recordExternalCheckResults({ db, results: parseRequest(ZExternalResult, await readBody(), { allowBatch: true }), reportedBy: caller.name }),
    { status: 201 },
  );
}

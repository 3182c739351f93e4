import { requireServiceAccess } from '@/lib/auth/require-service-access';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { recordExternalCheckResults } from '@/lib/scorecard/record-external-check-results';
import { ZExternalResult } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/**
 * Results of `external` checks pushed by CI: `{service, check, status: pass|fail, details?, url?}`, or an array of
 * them (all or nothing). The reporter is the token's name or the user; an owner may report on their
 * team's services only. 201 with what was stored.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/checks/results',
    async ({ db, caller, actor, readBody, audit }) => {
      const results = parseRequest(ZExternalResult, await readBody(), { allowBatch: true });
      await requireServiceAccess(db, caller, [...new Set(results.map((result) => result.service))]);
      const stored = await recordExternalCheckResults({ db, results, reportedBy: actor });
      audit({ target: stored.services.join(','), detail: { results: results.map(({ service, check, status }) => ({ service, check, status })) } });
      return stored;
    },
    { status: 201, access: { role: 'owner', scope: 'checks:write' } },
  );
}

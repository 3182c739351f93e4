import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { requireReadAccess } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';
import { listScorecards } from '@/lib/scorecard/list-scorecards';

export const dynamic = 'force-dynamic';

/** One summary row per service (level, score, counts by status); `?team=` for one team's services. */
export async function GET(request: Request) {
  return withSpan('http GET /api/scorecards', {}, async () => {
    try {
      const db = await getDb();
      const denied = await requireReadAccess(db, request);
      if (denied) return denied;
      const team = new URL(request.url).searchParams.get('team') ?? undefined;
      return jsonResponse(await listScorecards({ db, team }));
    } catch (error) {
      return errorResponse(error);
    }
  });
}

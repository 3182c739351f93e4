import { handleReadRequest } from '@/lib/http/handle-read-request';
import { listScorecards } from '@/lib/scorecard/list-scorecards';

export const dynamic = 'force-dynamic';

/** One summary row per service (level, score, counts by status); `?team=` for one team's services. */
export async function GET(request: Request) {
  return handleReadRequest(request, '/api/scorecards', (db, query) => listScorecards({ db, team: query.get('team') ?? undefined }));
}

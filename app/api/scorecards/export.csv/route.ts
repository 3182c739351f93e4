import { buildScorecardsCsv } from '@/lib/export/build-scorecards-csv';
import { csvResponse } from '@/lib/http/csv-response';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { getStandards } from '@/lib/scorecard/get-standards';

export const dynamic = 'force-dynamic';

/** GET /api/scorecards/export.csv?team= → the services with their level, score and every check's status, as CSV. */
export async function GET(request: Request) {
  return handleReadRequest(request, '/api/scorecards/export.csv', async (db, query) => {
    const team = query.get('team') ?? undefined;
    return csvResponse(`waymark-scorecards${team ? `-${team.replace(/[^\w.-]/g, '_')}` : ''}.csv`, await buildScorecardsCsv({ db, team, standards: getStandards() }));
  });
}

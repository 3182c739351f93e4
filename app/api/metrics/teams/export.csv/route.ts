import { AppError } from '@/lib/errors';
import { buildTeamMetricsCsv } from '@/lib/export/build-team-metrics-csv';
import { csvResponse } from '@/lib/http/csv-response';
import { handleMetricsGet } from '../../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/teams/export.csv?team=&from=&to= → each team's DORA figures over the window, as CSV. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/teams/export.csv', [], async (db, { scope, window }) => {
    if ('service' in scope) throw new AppError('USAGE', 'service: this export has one row per team; filter with team');
    return csvResponse(`waymark-team-metrics-${window.from.toISOString().slice(0, 10)}.csv`, await buildTeamMetricsCsv({ db, window, team: 'team' in scope ? scope.team : undefined }));
  });
}

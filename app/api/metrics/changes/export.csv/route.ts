import { buildChangesCsv } from '@/lib/export/build-activity-csv';
import { csvResponse } from '@/lib/http/csv-response';
import { handleMetricsGet } from '../../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/changes/export.csv?…&deployment=&dropped= → the Changes list under the same filters, as CSV. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/changes/export.csv', ['deployment', 'dropped'], async (db, { scope, window, deployment, dropped }) =>
    csvResponse(`waymark-changes-${window.from.toISOString().slice(0, 10)}.csv`, await buildChangesCsv({ db, scope, window, filter: { deploymentId: deployment, dropped } })),
  );
}

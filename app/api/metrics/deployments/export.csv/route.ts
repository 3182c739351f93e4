import { buildDeploymentsCsv } from '@/lib/export/build-activity-csv';
import { csvResponse } from '@/lib/http/csv-response';
import { handleMetricsGet } from '../../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/deployments/export.csv?…&failed=&rework= → the Deployments list under the same filters, as CSV. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/deployments/export.csv', ['failed', 'rework'], async (db, { scope, window, failed, rework }) =>
    csvResponse(`waymark-deployments-${window.from.toISOString().slice(0, 10)}.csv`, await buildDeploymentsCsv({ db, scope, window, filter: { failed, rework } })),
  );
}

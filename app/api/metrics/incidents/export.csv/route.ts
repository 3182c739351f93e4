import { buildIncidentsCsv } from '@/lib/export/build-activity-csv';
import { csvResponse } from '@/lib/http/csv-response';
import { handleMetricsGet } from '../../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/incidents/export.csv?…&of=restored|attributed → the Incidents list under the same filters, as CSV. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/incidents/export.csv', ['of'], async (db, { scope, window, of }) =>
    csvResponse(`waymark-incidents-${window.from.toISOString().slice(0, 10)}.csv`, await buildIncidentsCsv({ db, scope, window, filter: { of } })),
  );
}

import { listIncidents } from '@/lib/metrics/list-incidents';
import { handleMetricsGet } from '../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/incidents?…&of=restored|attributed&limit=&offset= → the incidents behind the figures. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/incidents', ['of', 'limit', 'offset'], (db, { scope, window, of, limit, offset }) =>
    listIncidents({ db, scope, window, filter: { of }, limit, offset }),
  );
}

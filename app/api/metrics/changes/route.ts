import { listChanges } from '@/lib/metrics/list-changes';
import { handleMetricsGet } from '../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/changes?…&deployment=&dropped=&limit=&offset= → the commits behind the lead time. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/changes', ['deployment', 'dropped', 'limit', 'offset'], (db, { scope, window, deployment, dropped, limit, offset }) =>
    listChanges({ db, scope, window, filter: { deploymentId: deployment, dropped }, limit, offset }),
  );
}

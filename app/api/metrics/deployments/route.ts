import { listDeployments } from '@/lib/metrics/list-deployments';
import { handleMetricsGet } from '../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/deployments?…&failed=&rework=&limit=&offset= → the deployments behind the figures. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/deployments', ['failed', 'rework', 'limit', 'offset'], (db, { scope, window, failed, rework, limit, offset }) =>
    listDeployments({ db, scope, window, filter: { failed, rework }, limit, offset }),
  );
}

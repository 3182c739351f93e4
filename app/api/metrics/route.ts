import { getDoraMetrics } from '@/lib/metrics/get-dora-metrics';
import { handleMetricsGet } from './handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics?service=|team=&from=&to= → the DORA figures of the scope (METRICS.md). */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics', [], (db, { scope, window }) => getDoraMetrics({ db, scope, window }));
}

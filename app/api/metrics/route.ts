import { getDoraMetrics } from '@/lib/metrics/get-dora-metrics';
import { handleMetricsGet } from './handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics?service=|team=&from=&to=&edition=&benchmark= → the DORA figures of the scope (METRICS.md). */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics', ['edition', 'benchmark'], (db, { scope, window, edition, benchmark }) => getDoraMetrics({ db, scope, window, edition, benchmark }));
}

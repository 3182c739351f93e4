import { getMetricsAnswer } from '@/lib/metrics/get-metrics-answer';
import { handleMetricsGet } from './handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics?service=|team=&from=&to=&edition=&benchmark= → the DORA figures of the scope and their
 * data-quality notes (METRICS.md). */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics', ['edition', 'benchmark'], (db, { scope, window, edition, benchmark }) => getMetricsAnswer({ db, scope, window, edition, benchmark }));
}

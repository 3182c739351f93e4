import { getDoraSeries } from '@/lib/metrics/get-dora-series';
import { handleMetricsGet } from '../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/series?service=|team=&from=&to=&bucket=week|month → the figures per week or month. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/series', ['bucket'], (db, { scope, window, bucket }) =>
    getDoraSeries({ db, scope, window, bucket: bucket ?? 'week' }),
  );
}

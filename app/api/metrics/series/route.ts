import { getDoraSeries } from '@/lib/metrics/get-dora-series';
import { handleMetricsGet } from '../handle-metrics-get';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/series?service=|team=&from=&to=&bucket=week|month&edition=&benchmark= → the figures per week or month. */
export async function GET(request: Request) {
  return handleMetricsGet(request, '/api/metrics/series', ['bucket', 'edition', 'benchmark'], (db, { scope, window, bucket, edition, benchmark }) =>
    getDoraSeries({ db, scope, window, bucket: bucket ?? 'week', edition, benchmark }),
  );
}

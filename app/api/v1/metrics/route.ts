import { metricsEndpoint } from '@/lib/api/endpoints/metrics-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/metrics?service=|team=&from=&to=&edition=&benchmark= → the DORA figures of the scope (METRICS.md). */
export const GET = (request: Request) => handleApiRead(request, metricsEndpoint);

import { seriesEndpoint } from '@/lib/api/endpoints/metrics-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/metrics/series?…&bucket=week|month → the figures per week or month. */
export const GET = (request: Request) => handleApiRead(request, seriesEndpoint);

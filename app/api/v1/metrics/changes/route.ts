import { changesEndpoint } from '@/lib/api/endpoints/metrics-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/metrics/changes?…&deployment=&dropped=&limit=&cursor= → the commits behind the lead time. */
export const GET = (request: Request) => handleApiRead(request, changesEndpoint);

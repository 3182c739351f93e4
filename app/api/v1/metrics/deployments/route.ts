import { deploymentsEndpoint } from '@/lib/api/endpoints/metrics-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/metrics/deployments?…&failed=&rework=&limit=&cursor= → the deployments behind the figures. */
export const GET = (request: Request) => handleApiRead(request, deploymentsEndpoint);

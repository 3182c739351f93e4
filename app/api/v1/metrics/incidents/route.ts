import { incidentsEndpoint } from '@/lib/api/endpoints/metrics-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/metrics/incidents?…&of=restored|attributed&limit=&cursor= → the incidents behind the figures. */
export const GET = (request: Request) => handleApiRead(request, incidentsEndpoint);

import { servicesEndpoint } from '@/lib/api/endpoints/catalog-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/services?team=&limit=&cursor= (OpenAPI: /api/v1/openapi.json). */
export const GET = (request: Request) => handleApiRead(request, servicesEndpoint);

import { buildOpenApiDocument } from '@/lib/api/build-openapi-document';
import { jsonResponse } from '@/lib/http/json-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1, built from the schemas that check the answers. Open
 * like /api/health: it describes the interface and holds no data, so clients and generators can fetch it unsigned.
 */
export const GET = () => jsonResponse(buildOpenApiDocument(), 200, { 'cache-control': 'public, max-age=300' });

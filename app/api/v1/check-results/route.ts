import { checkResultsEndpoint } from '@/lib/api/endpoints/scorecard-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/check-results?team=&service=&check=&status=&limit=&cursor= → each service's current check results. */
export const GET = (request: Request) => handleApiRead(request, checkResultsEndpoint);

import { scorecardsEndpoint } from '@/lib/api/endpoints/scorecard-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/scorecards?team=&limit=&cursor= → one summary row per service. */
export const GET = (request: Request) => handleApiRead(request, scorecardsEndpoint);

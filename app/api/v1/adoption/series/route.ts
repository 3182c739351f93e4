import { adoptionSeriesEndpoint } from '@/lib/api/endpoints/adoption-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/adoption/series?team=&from=&to=&bucket=day|week|month → each check's adoption over time. */
export const GET = (request: Request) => handleApiRead(request, adoptionSeriesEndpoint);

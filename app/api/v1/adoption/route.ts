import { adoptionEndpoint } from '@/lib/api/endpoints/adoption-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/adoption?team= → each check's counts by status and pass rate today. */
export const GET = (request: Request) => handleApiRead(request, adoptionEndpoint);

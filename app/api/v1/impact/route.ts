import { impactEndpoint } from '@/lib/api/endpoints/adoption-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/impact?check=&windowDays=&historyDays= → cohort and before/after comparisons per check and level. */
export const GET = (request: Request) => handleApiRead(request, impactEndpoint);

import { serviceScorecardEndpoint } from '@/lib/api/endpoints/scorecard-endpoints';
import { handleApiRead } from '@/lib/http/handle-api-read';

export const dynamic = 'force-dynamic';

/** GET /api/v1/services/:name/scorecard → level, score and every check with status, evidence, fix and exemption. */
export const GET = (request: Request, { params }: { params: Promise<{ name: string }> }) => handleApiRead(request, serviceScorecardEndpoint, params);

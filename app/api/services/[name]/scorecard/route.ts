import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { requireReadAccess } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';
import { getServiceScorecard } from '@/lib/scorecard/get-service-scorecard';

export const dynamic = 'force-dynamic';

/** A service's scorecard: level, score and every check with status, evidence, fix, exemption and facts age. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return withSpan('http GET /api/services/:name/scorecard', {}, async () => {
    try {
      const db = await getDb();
      const denied = await requireReadAccess(db, request);
      if (denied) return denied;
      const { name } = await params;
      const scorecard = await getServiceScorecard({ db, service: name });
      if (!scorecard) throw new AppError('NOT_FOUND', `No service named "${name}"`);
      return jsonResponse(scorecard);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

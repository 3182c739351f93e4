import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { requireReadAccess } from '@/lib/http/require-token';
import { getAdoptionImpact } from '@/lib/impact/get-adoption-impact';
import { withSpan } from '@/lib/observability/trace';

export const dynamic = 'force-dynamic';

const optionalInteger = (value: string | null) => (value === null || value === '' ? undefined : Number(value));

/** GET /api/impact?check=&windowDays=&historyDays= — cohort and before/after comparisons per check and level. */
export async function GET(request: Request) {
  return withSpan('http GET /api/impact', {}, async () => {
    try {
      const db = await getDb();
      const denied = await requireReadAccess(db, request);
      if (denied) return denied;
      const query = new URL(request.url).searchParams;
      const impact = await getAdoptionImpact({
        db,
        check: query.get('check') || undefined,
        windowDays: optionalInteger(query.get('windowDays')),
        historyDays: optionalInteger(query.get('historyDays')),
      });
      return jsonResponse(impact);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

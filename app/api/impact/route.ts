import { handleReadRequest } from '@/lib/http/handle-read-request';
import { getAdoptionImpact } from '@/lib/impact/get-adoption-impact';

export const dynamic = 'force-dynamic';

const optionalInteger = (value: string | null) => (value === null || value === '' ? undefined : Number(value));

/** GET /api/impact?check=&windowDays=&historyDays= — cohort and before/after comparisons per check and level. */
export async function GET(request: Request) {
  return handleReadRequest(request, '/api/impact', (db, query) =>
    getAdoptionImpact({
      db,
      check: query.get('check') || undefined,
      windowDays: optionalInteger(query.get('windowDays')),
      historyDays: optionalInteger(query.get('historyDays')),
    }),
  );
}

import { AppError } from '@/lib/errors';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { decodeNameSegment } from '@/lib/links/name-path';
import { getServiceScorecard } from '@/lib/scorecard/get-service-scorecard';

export const dynamic = 'force-dynamic';

/** A service's scorecard: level, score and every check with status, evidence, fix, exemption and facts age. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return handleReadRequest(request, '/api/services/:name/scorecard', async (db) => {
    const name = decodeNameSegment((await params).name);
    const scorecard = await getServiceScorecard({ db, service: name });
    if (!scorecard) throw new AppError('NOT_FOUND', `No service named "${name}"`);
    return scorecard;
  });
}

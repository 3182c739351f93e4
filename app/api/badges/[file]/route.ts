import { handleReadRequest } from '@/lib/http/handle-read-request';
import { getServiceLevel } from '@/lib/scorecard/get-service-level';
import { getStandards } from '@/lib/scorecard/get-standards';
import { renderBadgeSvg } from '@/lib/scorecard/render-badge-svg';

export const dynamic = 'force-dynamic';

const svg = (body: string, status: number, cache: string) =>
  new Response(body, { status, headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': cache, 'x-content-type-options': 'nosniff' } });

/**
 * GET /api/badges/<service>.svg: a badge with the service's level for its README. Cacheable for five minutes
 * (README renderers such as GitHub's image proxy cache it); it shows the name and level and nothing else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return handleReadRequest(request, '/api/badges/:name.svg', async (db) => {
    const { file } = await params;
    // Next has decoded the parameter once; decoding again would answer `a%252Fb.svg` for the service `a/b`.
    const service = file.replace(/\.svg$/i, '');
    const standards = getStandards();
    const level = await getServiceLevel({ db, service });
    if (level === null) return svg(renderBadgeSvg({ service, level: 'unknown' }), 404, 'no-store');
    return svg(renderBadgeSvg({ service, level, levels: standards.levels }), 200, 'public, max-age=300');
  });
}

import { AppError } from '@/lib/errors';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { findEventsRequestImport } from '@/lib/pipeline/events-request-import';

export const dynamic = 'force-dynamic';

/**
 * Imports events-v1 records: NDJSON (one record per line) or a JSON array (Content-Type: application/json).
 * All-or-nothing: 200 with counts, or 400 listing every bad record by line or index and field. The events source
 * (ingest/sources/events) does the work; the server registered it at start.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/events',
    async ({ db, actor, readBody, audit }) => {
      const importRequest = findEventsRequestImport();
      if (!importRequest) throw new AppError('UNAVAILABLE', 'the events import is not registered (the server starts it)');
      const body = await readBody();
      const source = new URL(request.url).searchParams.get('source') ?? 'events';
      const contentType = request.headers.get('content-type') ?? '';
      const result = await importRequest({ db, body, contentType, source, scope: `http:${actor}` });
      audit({ target: `source:${source}`, detail: { records: result.records } });
      return result;
    },
    { access: { role: 'platform', scope: 'events:write' } },
  );
}

import { Readable } from 'node:stream';
import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { readJsonArray } from '@/lib/events/read-json-array';
import { readNdjson } from '@/lib/events/read-ndjson';
import { runEventImport } from '@/lib/events/run-event-import';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { readBody } from '@/lib/http/read-body';
import { requireWriteToken } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';

export const dynamic = 'force-dynamic';

/**
 * Imports events-v1 records: NDJSON (one record per line) or a JSON array (Content-Type: application/json).
 * All-or-nothing: 200 with counts, or 400 listing every bad record by line or index and field.
 */
export async function POST(request: Request) {
  return withSpan('http POST /api/events', {}, async () => {
    try {
      const db = await getDb();
      const caller = await requireWriteToken(db, request);
      if (caller instanceof Response) return caller;
      const body = await readBody(request, getConfig().server.maxBodyBytes);
      const source = new URL(request.url).searchParams.get('source') ?? 'events';
      const isArray = (request.headers.get('content-type') ?? '').includes('application/json') && body.trimStart().startsWith('[');
      const input = isArray ? readJsonArray(body) : readNdjson(Readable.from([body]));
      const counts = await runEventImport({ db, input, source, scope: `http:${caller.name}` });
      return jsonResponse(counts);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

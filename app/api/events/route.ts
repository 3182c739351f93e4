import { Readable } from 'node:stream';
import { readJsonArray } from '@/lib/events/read-json-array';
import { readNdjson } from '@/lib/events/read-ndjson';
import { runEventImport } from '@/lib/events/run-event-import';
import { handleWriteRequest } from '@/lib/http/handle-write-request';

export const dynamic = 'force-dynamic';

/**
 * Imports events-v1 records: NDJSON (one record per line) or a JSON array (Content-Type: application/json).
 * All-or-nothing: 200 with counts, or 400 listing every bad record by line or index and field.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/events',
    async ({ db, actor, readBody, audit }) => {
      const body = await readBody();
      const source = new URL(request.url).searchParams.get('source') ?? 'events';
      const isArray = (request.headers.get('content-type') ?? '').includes('application/json') && body.trimStart().startsWith('[');
      const input = isArray ? readJsonArray(body) : readNdjson(Readable.from([body]));
      const result = await runEventImport({ db, input, source, scope: `http:${actor}` });
      audit({ target: `source:${source}`, detail: { records: result.records } });
      return result;
    },
    { access: { role: 'platform', scope: 'events:write' } },
  );
}

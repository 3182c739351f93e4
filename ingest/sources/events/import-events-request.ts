import { Readable } from 'node:stream';
import type { EventsRequestImport } from '../../../lib/pipeline/events-request-import';
import { collectJsonArrayRecords } from './collect-json-array-records';
import { collectNdjsonRecords } from './collect-ndjson-records';
import { ingestEvents } from './ingest-events';

/**
 * `POST /api/events`'s body imported: NDJSON (one record per line) or a JSON array (Content-Type: application/json).
 * The route finds it through `findEventsRequestImport`, as app/ may not import ingest/.
 */
export const importEventsRequest: EventsRequestImport = async ({ db, body, contentType, source, scope }) => {
  const isArray = contentType.includes('application/json') && body.trimStart().startsWith('[');
  const input = isArray ? collectJsonArrayRecords(body) : collectNdjsonRecords(Readable.from([body]));
  return ingestEvents({ db, input, source, scope });
};

import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { EventInput } from './event-input';
import { parseRecordText } from './parse-record-text';

/** Reads NDJSON one line at a time, so a file of any size streams through in constant memory. */
export async function* collectNdjsonRecords(stream: Readable): AsyncGenerator<EventInput> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    yield parseRecordText(line, `line ${number}`);
  }
}

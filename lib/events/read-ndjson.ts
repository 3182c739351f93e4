import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { EventInput } from './event-input';

/** Reads NDJSON one line at a time, so a file of any size streams through in constant memory. */
export async function* readNdjson(stream: Readable): AsyncGenerator<EventInput> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    try {
      yield { position: `line ${number}`, value: JSON.parse(line) };
    } catch (error) {
      yield { position: `line ${number}`, parseError: `not valid JSON (${(error as Error).message})` };
    }
  }
}

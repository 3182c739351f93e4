import type { EventInput } from './event-input';
import { AppError } from '../errors';

/** Reads a JSON array body (the HTTP alternative to NDJSON); records are positioned by array index. */
export function* readJsonArray(text: string): Generator<EventInput> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid JSON', { details: [`body: ${(error as Error).message}`] });
  }
  if (!Array.isArray(parsed)) {
    throw new AppError('VALIDATION_FAILED', 'Expected a JSON array of records (or NDJSON, one record per line)', { details: ['body: expected an array'] });
  }
  for (const [index, value] of parsed.entries()) yield { position: `index ${index}`, value };
}

import type { EventInput } from './event-input';
import { AppError } from '../errors';
import { exceedsJsonDepth } from '../validation/exceeds-json-depth';
import { INPUT_LIMITS } from '../validation/input-limits';
import { quoteForMessage } from '../validation/quote-for-message';

/**
 * Reads a JSON array body (the HTTP alternative to NDJSON); records are positioned by array index. The body's depth
 * is bounded before parsing (the array adds one level), each element's size after.
 */
export function* readJsonArray(text: string): Generator<EventInput> {
  if (exceedsJsonDepth(text, INPUT_LIMITS.depth + 1)) {
    throw new AppError('VALIDATION_FAILED', 'The request body nests too deeply; nothing was imported', {
      details: [`body: records may nest at most ${INPUT_LIMITS.depth} levels of objects and arrays`],
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid JSON', { details: [`body: ${quoteForMessage((error as Error).message)}`] });
  }
  if (!Array.isArray(parsed)) {
    throw new AppError('VALIDATION_FAILED', 'Expected a JSON array of records (or NDJSON, one record per line)', { details: ['body: expected an array'] });
  }
  for (const [index, value] of parsed.entries()) {
    const position = `index ${index}`;
    const size = JSON.stringify(value)?.length ?? 0;
    if (size > INPUT_LIMITS.recordChars) yield { position, parseError: `the record is ${size} characters long; the limit is ${INPUT_LIMITS.recordChars}` };
    else yield { position, value };
  }
}

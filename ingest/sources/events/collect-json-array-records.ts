import type { EventInput } from './event-input';
import { AppError } from '../../../lib/errors';
import { INPUT_LIMITS } from '../../../lib/validation/input-limits';
import { quoteForMessage } from '../../../lib/validation/quote-for-message';
import { formatScanProblem, scanJsonText } from '../../../lib/validation/scan-json-text';

/**
 * Reads a JSON array body (the HTTP alternative to NDJSON); records are positioned by array index. The body's depth
 * and repeated field names are checked before parsing (the array adds one level), each element's size after.
 */
export function* collectJsonArrayRecords(text: string): Generator<EventInput> {
  const problem = scanJsonText(text, INPUT_LIMITS.depth + 1, { namedLevels: 2 });
  if (problem) {
    const [index, ...field] = problem.path;
    const detail = typeof index === 'number' ? `index ${index}: ${formatScanProblem({ ...problem, path: field })}` : `body: ${formatScanProblem(problem)}`;
    throw new AppError('VALIDATION_FAILED', 'The request body holds an invalid record; nothing was imported', { details: [detail] });
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

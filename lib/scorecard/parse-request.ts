import type { z } from 'zod';
import { AppError } from '../errors';
import { findUnstorableValues } from '../validation/find-unstorable-values';
import { formatFieldPath as formatPath } from '../validation/format-field-path';
import { INPUT_LIMITS } from '../validation/input-limits';
import { quoteForMessage } from '../validation/quote-for-message';
import { formatScanProblem, scanJsonText } from '../validation/scan-json-text';


/**
 * Parses a JSON request body against a schema; every problem is listed with its field (`[2].status: …` in a
 * batch), and nothing is done with a body that has any.
 */
export const parseRequest = <T extends z.ZodType>(schema: T, body: string, { allowBatch = false, maxBatch = 1000 } = {}): z.output<T>[] => {
  const problem = scanJsonText(body, INPUT_LIMITS.depth + 1, { namedLevels: 2 });
  if (problem) throw new AppError('VALIDATION_FAILED', 'Invalid request; nothing was stored', { details: [formatScanProblem(problem)] });
  let value: unknown;
  try {
    value = body.trim() === '' ? undefined : JSON.parse(body);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid JSON', { details: [quoteForMessage((error as Error).message)] });
  }
  if (value === undefined) throw new AppError('VALIDATION_FAILED', 'The request body is empty; send a JSON object');
  const items = allowBatch && Array.isArray(value) ? value : [value];
  if (items.length === 0 || items.length > maxBatch) throw new AppError('VALIDATION_FAILED', `Send between 1 and ${maxBatch} items`);
  const details: string[] = [];
  const parsed = items.map((item, index) => {
    const prefix = Array.isArray(value) ? [index] : [];
    // What no schema sees (NUL, unpaired surrogates, prototype keys) is refused before the schema runs.
    const unstorable = findUnstorableValues(item, { path: prefix });
    if (unstorable.length > 0) {
      details.push(...unstorable);
      return null;
    }
    const result = schema.safeParse(item);
    if (result.success) return result.data as z.output<T>;
    for (const issue of result.error.issues) {
      const path = formatPath([...prefix, ...issue.path]);
      details.push(issue.code === 'unrecognized_keys' ? `${path ? `${path}: ` : ''}unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}` : `${path ? `${path}: ` : ''}${issue.message}`);
    }
    return null;
  });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid request; nothing was stored', { details });
  return parsed as z.output<T>[];
};

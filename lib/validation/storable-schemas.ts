import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';

const EARLIEST = Date.parse(INPUT_LIMITS.earliest);
const LATEST = Date.parse(INPUT_LIMITS.latest);

/** Text of at most `max` characters; NUL and unpaired surrogates are refused for every string by findUnstorableValues. */
export const boundedText = (max: number) => z.string().max(max, `longer than ${max} characters`);

/** Non-empty text that is not only whitespace (an id or name that looks blank is refused, not stored). */
export const requiredText = (max: number) => boundedText(max).refine((value) => value.trim() !== '', 'must not be empty or blank');

/** An ISO 8601 timestamp with an offset, within the range every table can hold (INPUT_LIMITS.earliest to latest). */
export const storableTime = z.iso
  .datetime({ offset: true, error: 'invalid datetime (ISO 8601 with an offset, e.g. 2026-01-05T10:07:00Z)' })
  .refine((value) => {
    const time = Date.parse(value);
    // An unparsable value already has its issue from the format check.
    return Number.isNaN(time) || (time >= EARLIEST && time < LATEST);
  }, `out of range: must be from ${INPUT_LIMITS.earliest} to before ${INPUT_LIMITS.latest}`);

/** A link to the thing's page at its source: only http and https, since pages render it as a link. */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(INPUT_LIMITS.url, `longer than ${INPUT_LIMITS.url} characters`);

/** An integer a Postgres `integer` column holds. */
export const storableInteger = z.number().int().max(INPUT_LIMITS.integer, `larger than ${INPUT_LIMITS.integer}`);

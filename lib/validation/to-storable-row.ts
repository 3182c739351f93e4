import type { PgColumn } from 'drizzle-orm/pg-core';
import { JsonText } from '../db/json-text';
import { AppError } from '../errors';
import { toSafeHref } from '../links/to-safe-href';
import { INPUT_LIMITS } from './input-limits';
import { UNPAIRED_SURROGATE } from './text-patterns';
import { toStorableJson } from './to-storable-json';
import { toStorableText } from './to-storable-text';

const NEEDS_CLEANING = new RegExp(`\\u0000|${UNPAIRED_SURROGATE.source}`);
const EARLIEST = Date.parse(INPUT_LIMITS.earliest);
const LATEST = Date.parse(INPUT_LIMITS.latest);

const cleanText = (value: string) => (NEEDS_CLEANING.test(value) ? toStorableText(value) : value);

/**
 * One domain row made storable, whatever source it came from (a GitHub answer, a git repository, a catalog file):
 * the same boundary events-v1 records pass, applied to what a source cannot be asked to resend. Text with NUL or
 * unpaired surrogates is written out (toStorableText); a `url` that is not http(s) becomes null; a timestamp outside
 * INPUT_LIMITS' range becomes null, or, where the column needs a value, the row is refused naming table, row and
 * column; jsonb is cleaned by toStorableJson (a catalog file's `"\0"`). Each change is added to `problems` as
 * `table key: column: what was done`. Returns the row itself when nothing changed.
 */
export const toStorableRow = (
  table: string,
  key: string,
  columns: ReadonlyArray<readonly [string, PgColumn]>,
  row: Record<string, unknown>,
  problems: string[],
): Record<string, unknown> => {
  let copy: Record<string, unknown> | null = null;
  const replace = (property: string, column: PgColumn, value: unknown, problem: string) => {
    (copy ??= { ...row })[property] = value;
    problems.push(`${table} ${key}: ${column.name}: ${problem}`);
  };
  for (const [property, column] of columns) {
    const value = row[property];
    if (typeof value === 'string') {
      if (column.name === 'url' && !toSafeHref(value)) replace(property, column, null, 'not an http or https URL; stored as null');
      else if (cleanText(value) !== value) replace(property, column, cleanText(value), 'NUL or unpaired surrogate written out');
    } else if (value instanceof Date) {
      const time = value.getTime();
      if (time >= EARLIEST && time < LATEST) continue;
      const range = `out of range: must be from ${INPUT_LIMITS.earliest} to before ${INPUT_LIMITS.latest}`;
      if (column.notNull) {
        throw new AppError('VALIDATION_FAILED', `${table} ${key}: ${column.name} is ${range}; nothing was stored`, { details: [`${column.name}: ${range}`] });
      }
      replace(property, column, null, `${range}; stored as null`);
    } else if (value instanceof JsonText) {
      continue;
    } else if (typeof value === 'object' && value !== null && column.getSQLType() === 'jsonb') {
      const cleaned = toStorableJson(value);
      if (cleaned !== value) replace(property, column, cleaned, 'NUL or unpaired surrogate written out');
    } else if (Array.isArray(value) && column.getSQLType() === 'text[]' && value.some((item) => typeof item === 'string' && cleanText(item) !== item)) {
      replace(property, column, value.map((item) => (typeof item === 'string' ? cleanText(item) : item)), 'NUL or unpaired surrogate written out');
    }
  }
  return copy ?? row;
};

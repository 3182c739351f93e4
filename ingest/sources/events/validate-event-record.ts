import type { z } from 'zod';
import { findUnstorableValues } from '../../../lib/validation/find-unstorable-values';
import { formatFieldPath } from '../../../lib/validation/format-field-path';
import { INPUT_LIMITS } from '../../../lib/validation/input-limits';
import { RECORD_KINDS, RECORD_SCHEMAS, type EventRecord, type RecordKind } from './events-v1-schema';

export type ValidationResult = { ok: true; record: EventRecord } | { ok: false; errors: string[] };

const formatIssue = (issue: z.core.$ZodIssue) => {
  const path = formatFieldPath(issue.path);
  return path ? `${path}: ${issue.message}` : issue.message;
};

const KNOWN_FIELDS = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Set(Object.keys(RECORD_SCHEMAS[kind].shape))])) as Record<RecordKind, Set<string>>;

/** Unknown fields are kept in the raw payload, so their size is bounded like everything else that is stored. */
const checkUnknownFields = (kind: RecordKind, value: Record<string, unknown>): string | null => {
  const unknown = Object.keys(value).filter((key) => !KNOWN_FIELDS[kind].has(key));
  if (unknown.length === 0) return null;
  const size = JSON.stringify(Object.fromEntries(unknown.map((key) => [key, value[key]]))).length;
  if (size <= INPUT_LIMITS.unknownFieldsChars) return null;
  return `${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}: unknown fields take ${size} characters; the limit is ${INPUT_LIMITS.unknownFieldsChars}`;
};

/**
 * The validation boundary of one events-v1 record: everything it holds must be storable (no NUL, no unpaired
 * surrogate, no prototype key), then it must match its kind's schema (lengths, time range, http(s) URLs), and its
 * unknown fields must stay within bounds. Errors name the field, e.g. `finishedAt: invalid datetime`. The record's
 * size and nesting depth are checked on its text before it is parsed (parseRecordText).
 */
export const validateEventRecord = (value: unknown): ValidationResult => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['expected a JSON object'] };
  }
  const unstorable = findUnstorableValues(value);
  if (unstorable.length > 0) return { ok: false, errors: unstorable };
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(RECORD_KINDS as string[]).includes(kind)) {
    return { ok: false, errors: [`kind: expected one of ${RECORD_KINDS.join(', ')}`] };
  }
  const result = RECORD_SCHEMAS[kind as RecordKind].safeParse(value);
  if (!result.success) return { ok: false, errors: result.error.issues.map(formatIssue) };
  const unknown = checkUnknownFields(kind as RecordKind, value as Record<string, unknown>);
  if (unknown) return { ok: false, errors: [unknown] };
  return { ok: true, record: result.data as EventRecord };
};

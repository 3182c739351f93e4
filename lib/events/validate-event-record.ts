import type { z } from 'zod';
import { RECORD_KINDS, RECORD_SCHEMAS, type EventRecord, type RecordKind } from './events-v1-schema';

export type ValidationResult = { ok: true; record: EventRecord } | { ok: false; errors: string[] };

const formatPath = (path: PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

const formatIssue = (issue: z.core.$ZodIssue) => {
  const path = formatPath(issue.path);
  return path ? `${path}: ${issue.message}` : issue.message;
};

/** Checks one events-v1 record; errors name the field, e.g. `finishedAt: invalid datetime`. */
export const validateEventRecord = (value: unknown): ValidationResult => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['expected a JSON object'] };
  }
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(RECORD_KINDS as string[]).includes(kind)) {
    return { ok: false, errors: [`kind: expected one of ${RECORD_KINDS.join(', ')}`] };
  }
  const result = RECORD_SCHEMAS[kind as RecordKind].safeParse(value);
  if (!result.success) return { ok: false, errors: result.error.issues.map(formatIssue) };
  return { ok: true, record: result.data as EventRecord };
};

import { createHash } from 'node:crypto';

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

/** JSON text with every object's keys sorted: equal data always gives the same text. */
export const toCanonicalJson = (value: unknown) => JSON.stringify(canonical(value));

/** The digest of a canonical JSON text (toCanonicalJson). */
export const hashCanonicalJson = (text: string) => createHash('sha256').update(text).digest('hex');

/** A hash that does not depend on key order: equal data always hashes equal. */
export const stableHash = (value: unknown) => hashCanonicalJson(toCanonicalJson(value));

import { UNPAIRED_SURROGATE } from './text-patterns';
import { toStorableText } from './to-storable-text';

const NEEDS_CLEANING = new RegExp(`\\u0000|${UNPAIRED_SURROGATE.source}`);

/**
 * A payload from a source Waymark cannot refuse (a GitHub answer, a file in a repository) made storable in jsonb:
 * every string and key cleaned by toStorableText. Returns the same value when nothing needs cleaning, which is
 * nearly always; events-v1 records never do, since the validation boundary refuses them first.
 */
export const toStorableJson = <T>(value: T): T => clean(value) as T;

const clean = (value: unknown): unknown => {
  if (typeof value === 'string') return NEEDS_CLEANING.test(value) ? toStorableText(value) : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const cleaned = clean(item);
      if (cleaned !== item) (copy ??= [...value])[index] = cleaned;
    });
    return copy ?? value;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const cleanedKey = clean(key) as string;
      const cleaned = clean(item);
      if (cleanedKey !== key || cleaned !== item) changed = true;
      return [cleanedKey, cleaned] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
};

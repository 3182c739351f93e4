import { formatFieldPath } from './format-field-path';
import { PROTOTYPE_KEYS } from './input-limits';
import { quoteForMessage } from './quote-for-message';
import { UNPAIRED_SURROGATE } from './text-patterns';

const NUL = /\u0000/;

const describeText = (text: string): string | null => {
  if (NUL.test(text)) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (UNPAIRED_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate, which is not valid Unicode';
  return null;
};

/** A value to visit and how it was reached: the path is only spelled out for a value with a problem. */
type Visit = { value: unknown; key: PropertyKey | null; parent: Visit | null };

const pathOf = (visit: Visit, base: PropertyKey[]) => {
  const keys: PropertyKey[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) keys.push(at.key);
  return [...base, ...keys.reverse()];
};

/**
 * Every problem in a parsed JSON value that no schema sees: strings (values and keys) with NUL or unpaired surrogates,
 * which Postgres text and jsonb refuse, and prototype keys (`__proto__`, `constructor`, `prototype`). Walks without
 * recursion; the caller bounds the depth before parsing. Stops after `max` problems. Every record of an import passes
 * here and nearly all have no problem, so paths are built only for the values that have one.
 */
export const findUnstorableValues = (value: unknown, { path = [], max = 10 }: { path?: PropertyKey[]; max?: number } = {}): string[] => {
  const problems: string[] = [];
  const stack: Visit[] = [{ value, key: null, parent: null }];
  const where = (field: PropertyKey[]) => (field.length > 0 ? `${formatFieldPath(field)}: ` : '');
  while (stack.length > 0 && problems.length < max) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      const problem = describeText(current);
      if (problem) problems.push(`${where(pathOf(visit, path))}${problem}`);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        stack.push({ value: current[index], key: index, parent: visit });
      }
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index]!;
        const keyProblem = PROTOTYPE_KEYS.has(key) ? 'not allowed as a field name (a prototype key)' : describeText(key) && `the field name ${describeText(key)}`;
        if (keyProblem) problems.push(`${where([...pathOf(visit, path), quoteForMessage(key)])}${keyProblem}`);
        else stack.push({ value: (current as Record<string, unknown>)[key], key, parent: visit });
      }
    }
  }
  return problems;
};

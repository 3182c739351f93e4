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

/**
 * Every problem in a parsed JSON value that no schema sees: strings (values and keys) with NUL or unpaired surrogates,
 * which Postgres text and jsonb refuse, and prototype keys (`__proto__`, `constructor`, `prototype`). Walks without
 * recursion; the caller bounds the depth before parsing. Stops after `max` problems.
 */
export const findUnstorableValues = (value: unknown, { path = [], max = 10 }: { path?: PropertyKey[]; max?: number } = {}): string[] => {
  const problems: string[] = [];
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path }];
  while (stack.length > 0 && problems.length < max) {
    const { value: current, path: at } = stack.pop()!;
    const where = (field: PropertyKey[]) => (field.length > 0 ? `${formatFieldPath(field)}: ` : '');
    if (typeof current === 'string') {
      const problem = describeText(current);
      if (problem) problems.push(`${where(at)}${problem}`);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], path: [...at, index] });
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index]!;
        const keyProblem = PROTOTYPE_KEYS.has(key) ? 'not allowed as a field name (a prototype key)' : describeText(key) && `the field name ${describeText(key)}`;
        if (keyProblem) problems.push(`${where([...at, quoteForMessage(key)])}${keyProblem}`);
        else stack.push({ value: (current as Record<string, unknown>)[key], path: [...at, key] });
      }
    }
  }
  return problems;
};

import { formatFieldPath } from './format-field-path';

/** What scanJsonText found: where (a field path) and what is wrong there. */
export type JsonTextProblem = { path: Array<string | number>; problem: string };

type Level = { keys: Set<string> | null; key: string; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index of the quote that closes the string opened at `start`, or -1. */
const findStringEnd = (text: string, start: number) => {
  let at = text.indexOf('"', start + 1);
  while (at !== -1) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
};

const pathOf = (stack: Level[]) => stack.map((level) => (level.keys ? level.key : level.index));

/**
 * Checks JSON text before it is parsed, for what JSON.parse would hide or choke on: nesting deeper than `depthLimit`
 * objects and arrays (whatever walks a record next, zod, Postgres, would exhaust its stack), and a field name that
 * appears twice in one object (JSON.parse keeps the last silently; another reader may keep the first, so the
 * record means two things). Malformed text is left to JSON.parse, which names the problem better. `namedLevels`:
 * how many outer levels the path of a too-deep spot names (1 for a record, 2 for an array of records).
 */
export const scanJsonText = (text: string, depthLimit: number, { namedLevels = 1 } = {}): JsonTextProblem | null => {
  const stack: Level[] = [];
  let expectKey = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = findStringEnd(text, index);
      if (end === -1) return null;
      const top = stack[stack.length - 1];
      if (top?.keys && expectKey) {
        const raw = text.slice(index, end + 1);
        let key: string;
        try {
          key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        } catch {
          return null;
        }
        top.key = key;
        if (top.keys.has(key)) return { path: pathOf(stack), problem: 'appears more than once in the same object' };
        top.keys.add(key);
        expectKey = false;
      }
      index = end;
    } else if (code === 0x7b || code === 0x5b) {
      // The outermost levels (namedLevels) name where: the full path of a deep record is thousands of segments long.
      if (stack.length >= depthLimit) return { path: pathOf(stack.slice(0, namedLevels)), problem: `nested deeper than ${depthLimit} levels of objects and arrays` };
      stack.push({ keys: code === 0x7b ? new Set() : null, key: '', index: 0 });
      expectKey = code === 0x7b;
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
    } else if (code === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return null;
};

/** A scan problem as error messages write it: `commits[0].sha: appears more than once in the same object`. */
export const formatScanProblem = ({ path, problem }: JsonTextProblem, prefix: Array<string | number> = []) => {
  const field = formatFieldPath([...prefix, ...path]);
  return field ? `${field}: ${problem}` : problem;
};

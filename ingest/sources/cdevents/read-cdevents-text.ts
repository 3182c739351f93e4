import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { AppError } from '../../../lib/errors';
import { formatFieldPath } from '../../../lib/validation/format-field-path';
import { unwrapCloudEvent, validateCdevent, type Cdevent } from './cdevents-schema';

type Located = { value: unknown; lineOf: (path: readonly PropertyKey[]) => number };

/** The line of the deepest node on `path` that exists (a missing field is reported at the object that lacks it). */
const lineFinder = (root: Node | null, prefix: PropertyKey[], lines: LineCounter) => (path: readonly PropertyKey[]) => {
  let node: Node | null = root;
  let line = root?.range ? lines.linePos(root.range[0]).line : 1;
  for (const key of [...prefix, ...path]) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(key as string | number, true) : undefined;
    if (!next || typeof next !== 'object' || !('range' in next) || !(next as Node).range) break;
    node = next as Node;
    line = lines.linePos(node.range![0]).line;
  }
  return line;
};

/**
 * The events of a file or body: one JSON object (a pretty-printed event, as the spec's conformance examples are), a
 * JSON array of events, or NDJSON (one event a line); each a CDEvent or a structured-mode CloudEvent carrying one.
 * JSON is read through the YAML parser, which keeps every node's position, so an error can name the line of the
 * offending field.
 */
const locate = (text: string): Located[] => {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    whole = undefined;
  }
  if (whole !== undefined) {
    const lines = new LineCounter();
    const root = parseDocument(text, { lineCounter: lines }).contents as Node | null;
    if (Array.isArray(whole)) return whole.map((value, index) => ({ value, lineOf: lineFinder(root, [index], lines) }));
    return [{ value: whole, lineOf: lineFinder(root, [], lines) }];
  }
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [{ value: JSON.parse(line) as unknown, lineOf: () => index + 1 }];
    } catch (error) {
      throw new AppError('VALIDATION_FAILED', 'The CDEvents input is not JSON; nothing was stored', {
        details: [`line ${index + 1}: ${(error as Error).message}`],
      });
    }
  });
};

/**
 * Reads and validates every event; all or nothing: any invalid event refuses the whole input, every problem listed
 * as `<where> line N: <field>: <message>`, e.g. `deploys.json line 14: subject.content.environment.id: …`.
 */
export const readCdeventsText = (text: string, where = 'input'): Cdevent[] => {
  const events: Cdevent[] = [];
  const problems: string[] = [];
  for (const item of locate(text)) {
    const structured = unwrapCloudEvent(item.value) !== item.value;
    const result = validateCdevent(unwrapCloudEvent(item.value));
    if (result.ok) events.push(result.event);
    else {
      for (const issue of result.issues) {
        const path = structured ? ['data', ...issue.path] : issue.path;
        problems.push(`${where} line ${item.lineOf(path)}: ${formatFieldPath(path) || '(event)'}: ${issue.message}`);
      }
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the CDEvents; nothing was stored`,
      { details: problems.slice(0, 100) },
    );
  }
  if (events.length === 0)
    throw new AppError('VALIDATION_FAILED', 'No CDEvents in the input', { details: [`${where}: empty`] });
  return events;
};

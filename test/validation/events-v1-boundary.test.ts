import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../ingest/sources/events/parse-record-text';
import { collectJsonArrayRecords } from '../../ingest/sources/events/collect-json-array-records';
import { validateEventRecord } from '../../ingest/sources/events/validate-event-record';
import { INPUT_LIMITS } from '../../lib/validation/input-limits';
import { toStorableJson } from '../../lib/validation/to-storable-json';

const deployment = { kind: 'deployment', id: 'd1', service: 'payments', environment: 'production', status: 'success', finishedAt: '2026-01-05T10:07:00Z' };
const incident = { kind: 'incident', id: 'INC-1', service: 'payments', openedAt: '2026-01-05T11:00:00Z' };

const errorsOf = (value: unknown) => {
  const result = validateEventRecord(value);
  return result.ok ? [] : result.errors;
};

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the events-v1 validation boundary', () => {
  it('accepts a valid record as it is', () => {
    expect(validateEventRecord(deployment)).toMatchObject({ ok: true });
  });

  it('refuses NUL and unpaired surrogates in any string, naming the field', () => {
    expect(errorsOf({ ...deployment, environment: 'prod\u0000' })).toEqual(['environment: contains a NUL character (\\u0000), which cannot be stored']);
    expect(errorsOf({ ...deployment, extra: { deep: ['ok', 'x\ud800'] } })).toEqual(['extra.deep[1]: contains an unpaired UTF-16 surrogate, which is not valid Unicode']);
    expect(errorsOf({ ...incident, title: '\udc00 lone low' })[0]).toMatch(/^title: contains an unpaired/);
    expect(errorsOf({ ...incident, ['ke\u0000y']: 1 })).toEqual(['ke\\u0000y: the field name contains a NUL character (\\u0000), which cannot be stored']);
    // A pair is one character (an emoji), not a problem.
    expect(errorsOf({ ...incident, title: 'on fire 🔥' })).toEqual([]);
  });

  it('refuses prototype keys anywhere in a record', () => {
    expect(errorsOf(JSON.parse('{"kind":"incident","id":"i","service":"s","openedAt":"2026-01-05T11:00:00Z","__proto__":{"admin":true}}'))).toEqual([
      '__proto__: not allowed as a field name (a prototype key)',
    ]);
    expect(errorsOf({ ...deployment, commits: [{ constructor: 1 }] })).toEqual(['commits[0].constructor: not allowed as a field name (a prototype key)']);
  });

  it('refuses timestamps outside 1970 to 2100 with the range named', () => {
    for (const time of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '2100-01-01T00:00:00Z']) {
      expect(errorsOf({ ...deployment, finishedAt: time })).toEqual([`finishedAt: out of range: must be from ${INPUT_LIMITS.earliest} to before ${INPUT_LIMITS.latest}`]);
    }
    expect(errorsOf({ ...deployment, finishedAt: '99999-01-01T00:00:00Z' })).toEqual([expect.stringMatching(/^finishedAt: invalid datetime/)]);
    expect(errorsOf({ ...deployment, finishedAt: '1970-01-01T00:00:00Z' })).toEqual([]);
  });

  it('accepts only http and https URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://x.example']) {
      expect(errorsOf({ ...incident, url })).toEqual(['url: must be an http or https URL']);
    }
    expect(errorsOf({ ...incident, url: 'https://pager.example.com/INC-1' })).toEqual([]);
    expect(errorsOf({ ...incident, url: `https://x.example/${'a'.repeat(INPUT_LIMITS.url)}` })).toEqual([`url: longer than ${INPUT_LIMITS.url} characters`]);
  });

  it('bounds the length of every string and refuses blank ids', () => {
    expect(errorsOf({ ...deployment, service: 'x'.repeat(INPUT_LIMITS.name + 1) })).toEqual([`service: longer than ${INPUT_LIMITS.name} characters`]);
    expect(errorsOf({ ...incident, title: 'x'.repeat(100_000) })).toEqual([`title: longer than ${INPUT_LIMITS.title} characters`]);
    expect(errorsOf({ ...deployment, id: 'x'.repeat(INPUT_LIMITS.id + 1) })).toEqual([`id: longer than ${INPUT_LIMITS.id} characters`]);
    expect(errorsOf({ ...deployment, id: '   ' })).toEqual(['id: must not be empty or blank']);
    expect(errorsOf({ ...deployment, commits: [{ sha: 'abcd', authoredAt: '2026-01-05T10:00:00Z', message: 'x'.repeat(INPUT_LIMITS.message + 1) }] })).toEqual([
      `commits[0].message: longer than ${INPUT_LIMITS.message} characters`,
    ]);
    const facts = { kind: 'facts', service: 's', collectedAt: '2026-01-05T10:00:00Z', repository: { paths: ['a'], files: { a: 'x'.repeat(INPUT_LIMITS.fileChars + 1) } } };
    expect(errorsOf(facts)).toEqual([`repository.files.a: longer than ${INPUT_LIMITS.fileChars} characters`]);
    expect(errorsOf({ kind: 'pipeline_run', id: 'r', service: 's', name: 'ci', status: 'success', attempt: 2 ** 40 })).toEqual([`attempt: larger than ${INPUT_LIMITS.integer}`]);
  });

  it('bounds the size of unknown fields', () => {
    expect(errorsOf({ ...deployment, note: 'x'.repeat(INPUT_LIMITS.unknownFieldsChars) })).toEqual([
      expect.stringMatching(/^note: unknown fields take \d+ characters; the limit is 65536$/),
    ]);
  });

  it('refuses deep nesting and oversize records before parsing, with the position', () => {
    expect(parseRecordText(`{"kind":"service","name":"s","x":${nested(100_000)}}`, 'line 3')).toEqual({ position: 'line 3', parseError: `x: nested deeper than ${INPUT_LIMITS.depth} levels of objects and arrays` });
    expect(parseRecordText(`{"x":${nested(INPUT_LIMITS.depth - 1)}}`, 'line 1')).toMatchObject({ value: { x: expect.any(Array) } });
    // Brackets inside strings are text, not nesting.
    expect(parseRecordText(JSON.stringify({ kind: 'service', name: '['.repeat(50) }), 'line 1')).toMatchObject({ value: { name: '['.repeat(50) } });
    expect(parseRecordText(`"${'x'.repeat(INPUT_LIMITS.recordChars)}"`, 'line 9').parseError).toMatch(/^the record is \d+ characters long; the limit is/);
    expect(() => [...collectJsonArrayRecords(`[${nested(5000)}]`)]).toThrow(/holds an invalid record/);
  });

  it('refuses a field name repeated in one object, naming it', () => {
    expect(parseRecordText('{"kind":"service","name":"a","name":"b"}', 'line 2').parseError).toBe('name: appears more than once in the same object');
    // An escaped spelling is the same name; the same name in two objects is not a repeat.
    expect(parseRecordText('{"kind":"service","name":"a","n\\u0061me":"b"}', 'line 2').parseError).toMatch(/^name: appears more than once/);
    const tricky = { commits: [{ sha: 'a' }, { sha: 'b', x: { sha: 1 } }], c: '\\",\\"c\\":1', d: '"c":2' };
    expect(parseRecordText(JSON.stringify(tricky), 'line 1')).toEqual({ position: 'line 1', value: tricky });
    expect(parseRecordText('{"commits":[{"sha":"a"},{"sha":"b","sha":"c"}]}', 'line 1').parseError).toBe('commits[1].sha: appears more than once in the same object');
    expect(() => Array.from(collectJsonArrayRecords('[{"kind":"service","name":"a"},{"kind":"service","kind":"x"}]'))).toThrow(
      expect.objectContaining({ details: ['index 1: kind: appears more than once in the same object'] }),
    );
  });

  it('quotes bad JSON escaped, so a NUL in the input never reaches a stored message', () => {
    const { parseError } = parseRecordText('\u0000', 'line 1');
    expect(parseError).toMatch(/^not valid JSON \(/);
    expect(parseError).not.toContain('\u0000');
  });
});

describe('toStorableJson', () => {
  it('cleans what a source sent that jsonb cannot hold, and returns clean values untouched', () => {
    const clean = { a: ['x', { b: 1 }] };
    expect(toStorableJson(clean)).toBe(clean);
    expect(toStorableJson({ body: 'a\u0000b', ['k\ud800']: ['\udc00'] })).toEqual({ body: 'a\\u0000b', ['k\ufffd']: ['\ufffd'] });
  });
});

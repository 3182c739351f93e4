import { INPUT_LIMITS } from '../../lib/validation/input-limits';

/** One hostile record: its NDJSON text, the field its refusal must name (null: the record as a whole), and why. */
export type Mutation = { text: string; field: string | null; what: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** A valid record of every events-v1 kind, with every optional field filled, so every field can be broken. */
export const VALID_RECORDS: Array<Record<string, Json>> = [
  { kind: 'service', name: 'payments', team: 'core', lifecycle: 'production', tier: 1, repository: 'acme/payments', tags: ['pci', 'api'] },
  {
    kind: 'deployment',
    id: 'dep-1',
    service: 'payments',
    environment: 'production',
    status: 'success',
    commitSha: 'abc1234',
    startedAt: '2026-01-05T10:00:00Z',
    finishedAt: '2026-01-05T10:07:00Z',
    commits: [{ sha: 'abc1234', authoredAt: '2026-01-04T09:00:00Z', committedAt: '2026-01-04T09:05:00Z', author: 'ada', message: 'Fix rounding' }],
    rollbackOf: 'dep-0',
    reason: 'rollback',
    url: 'https://ci.example.com/dep-1',
  },
  {
    kind: 'incident',
    id: 'INC-1',
    service: 'payments',
    openedAt: '2026-01-05T11:00:00Z',
    resolvedAt: '2026-01-05T12:00:00Z',
    causedBy: 'dep-1',
    severity: 'sev1',
    title: 'Checkout errors',
    url: 'https://pager.example.com/INC-1',
  },
  {
    kind: 'pipeline_run',
    id: 'run-1',
    service: 'payments',
    name: 'ci',
    status: 'success',
    startedAt: '2026-01-05T09:00:00Z',
    finishedAt: '2026-01-05T09:10:00Z',
    commitSha: 'abc1234',
    branch: 'main',
    attempt: 1,
    url: 'https://ci.example.com/run-1',
  },
  {
    kind: 'facts',
    service: 'payments',
    collectedAt: '2026-01-05T10:00:00Z',
    repository: { defaultBranch: 'main', headSha: 'abc1234', paths: ['README.md', 'CODEOWNERS'], files: { CODEOWNERS: '* @acme/core' }, truncated: false },
    catalog: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'payments' }, spec: { owner: 'core' } },
    branchProtection: { branch: 'main', enabled: true, requiredReviews: 1, requireCodeOwnerReviews: true, requiredStatusChecks: ['ci'] },
  },
];

/** Fields a record cannot do without, by kind. */
const REQUIRED: Record<string, string[]> = {
  service: ['kind', 'name'],
  deployment: ['kind', 'id', 'service', 'environment', 'status', 'finishedAt'],
  incident: ['kind', 'id', 'service', 'openedAt'],
  pipeline_run: ['kind', 'id', 'service', 'name', 'status'],
  facts: ['kind', 'service', 'collectedAt'],
};
const NESTED_REQUIRED = ['commits[0].sha', 'commits[0].authoredAt', 'repository.paths', 'catalog.metadata', 'catalog.metadata.name', 'branchProtection.branch', 'branchProtection.enabled'];

const TIME_FIELD = /(At)$/;
const URL_FIELD = /^url$/;
// Free-form maps whose values may be anything (catalog spec): breaking a value's type there is not an error.
const FREE_FORM = /^catalog\.spec/;

const ABSURD_TIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2100-01-01T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-01-05T25:00:00Z',
  '2026-01-05T10:00:00',
  '2026-01-05',
  'yesterday',
  '',
  '1970-01-01T00:00:00+01:00',
  '2099-12-31T23:30:00-01:00',
  '-000001-01-01T00:00:00Z',
  '1700000000',
];
const BAD_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://x.example/a', '//evil.example', '/relative', 'http://', `https://x.example/${'a'.repeat(INPUT_LIMITS.url)}`];
const BAD_TEXTS: Array<[string, (text: string) => string]> = [
  ['NUL inside', (text) => `${text.slice(0, 1)}\u0000${text.slice(1)}`],
  ['NUL only', () => '\u0000'],
  ['NUL at end', (text) => `${text}\u0000`],
  ['NUL at start', (text) => `\u0000${text}`],
  ['NULs repeated', (text) => `${text}${'\u0000'.repeat(100)}`],
  ['lone high surrogate', (text) => `${text}\ud800`],
  ['lone low surrogate', (text) => `\udc00${text}`],
  ['lone high surrogate inside', (text) => `${text.slice(0, 1)}\udbff${text.slice(1)}`],
  ['only a lone high surrogate', () => '\ud800'],
  ['only a lone low surrogate', () => '\udfff'],
  ['reversed surrogate pair', (text) => `${text}\udc00\ud800`],
];
const BLANKS = ['', ' ', '\t\n'];
// Free text that may be empty.
const CAN_BE_BLANK = /^(title|commits\[0\]\.message|repository\.files\.)/;
const FACT_FIELD = /^(repository|catalog|branchProtection)\./;
const WRONG_TYPES: Json[] = [42, 0, -1, -1.5, 1e308, true, false, 'x', '', [], ['x'], {}, { a: 1 }];

const formatPath = (path: Path) => path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');

const clone = <T>(value: T): T => structuredClone(value);

const setAt = (record: Json, path: Path, value: Json | undefined): Json => {
  const copy = clone(record);
  let target = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
};

/** Every path to a value in the record, objects and arrays included. */
const pathsOf = (value: Json, at: Path = []): Array<{ path: Path; value: Json }> => {
  const here = at.length > 0 ? [{ path: at, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...at, index]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  return here;
};

const typeOf = (value: Json) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** `{"a":1}` with `"key":value` spliced in first: keys JSON.stringify cannot write (`__proto__`) or writes once. */
const withRawKey = (text: string, key: string, value: string) => `{${JSON.stringify(key)}:${value},${text.slice(1)}`;

const spliceIntoObjectAt = (record: Json, path: Path, key: string, value: string) => {
  // Mark the object, stringify, then replace the marker with the raw key: only text can carry a duplicate key.
  const marker = '__mutation_marker__';
  const marked = path.length === 0 ? { [marker]: 0, ...(record as object) } : setAt(record, path, { [marker]: 0, ...(getAt(record, path) as object) });
  return JSON.stringify(marked).replace(`"${marker}":0`, `${JSON.stringify(key)}:${value}`);
};

const getAt = (record: Json, path: Path): Json => path.reduce<Json>((value, key) => (value as Record<string | number, Json>)[key]!, record);

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function* mutateRecord(record: Record<string, Json>): Generator<Mutation> {
  const kind = record.kind as string;
  const text = JSON.stringify(record);
  const leaves = pathsOf(record);
  const stringify = (value: Json) => JSON.stringify(value);

  for (const { path, value } of leaves) {
    const field = formatPath(path);
    if (FREE_FORM.test(field) && path.length > 2) continue;
    const type = typeOf(value);
    // Wrong types: every value of another type (tier takes a number or a name; a missing optional is fine as null).
    for (const wrong of WRONG_TYPES) {
      const wrongType = typeOf(wrong);
      if (wrongType === type || (field === 'tier' && (wrongType === 'number' || wrongType === 'string'))) continue;
      if (field === 'tier' && wrongType === 'number') continue;
      if (field === 'catalog.spec' && wrongType === 'object') continue;
      if (field === 'attempt' && wrongType === 'number' && Number.isInteger(wrong) && (wrong as number) > 0) continue;
      yield { text: stringify(setAt(record, path, wrong)), field, what: `${field} as ${JSON.stringify(wrong)}` };
    }
    if (type === 'string') {
      for (const [what, make] of BAD_TEXTS) yield { text: stringify(setAt(record, path, make(value as string))), field, what: `${field}: ${what}` };
      // Facts keep what a repository holds: a file may be named " ", so there only the empty string is refused.
      const blanks = FACT_FIELD.test(field) ? [''] : BLANKS;
      if (!CAN_BE_BLANK.test(field)) for (const blank of blanks) yield { text: stringify(setAt(record, path, blank)), field, what: `${field}: ${JSON.stringify(blank)}` };
      const limit = field.startsWith('repository.files') ? INPUT_LIMITS.fileChars : 100_000;
      if (field !== 'kind') yield { text: stringify(setAt(record, path, 'x'.repeat(limit + 1))), field, what: `${field}: ${limit + 1} characters` };
      if (TIME_FIELD.test(String(path[path.length - 1]))) {
        for (const time of ABSURD_TIMES) yield { text: stringify(setAt(record, path, time)), field, what: `${field}: ${JSON.stringify(time)}` };
      }
      if (URL_FIELD.test(field)) for (const url of BAD_URLS) yield { text: stringify(setAt(record, path, url)), field, what: `${field}: ${url.slice(0, 40)}` };
    }
    if (type === 'object' || path.length === 0) {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        for (const value of ['{"admin":true}', 'null', '"x"', '[]']) {
          yield { text: spliceIntoObjectAt(record, path, key, value), field: formatPath([...path, key]), what: `${key}: ${value} in ${field || 'the record'}` };
        }
      }
      yield { text: spliceIntoObjectAt(record, path, 'a\u0000b', '1'), field: null, what: `NUL in a key of ${field}` };
    }
  }

  // Every required field missing, and null where a value is needed.
  for (const field of [...REQUIRED[kind]!, ...NESTED_REQUIRED]) {
    const path = field.split(/\.|\[(\d+)\]\.?/).filter(Boolean).map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    try {
      getAt(record, path.slice(0, -1));
      if (getAt(record, path) === undefined) continue;
    } catch {
      continue;
    }
    yield { text: stringify(setAt(record, path, undefined)), field: field === 'kind' ? 'kind' : field, what: `${field} missing` };
    yield { text: stringify(setAt(record, path, null)), field: field === 'kind' ? 'kind' : field, what: `${field} null` };
  }

  // Negative durations: the end before the start.
  const ends: Record<string, [string, string]> = { deployment: ['startedAt', 'finishedAt'], pipeline_run: ['startedAt', 'finishedAt'], incident: ['openedAt', 'resolvedAt'] };
  if (ends[kind]) {
    const [start, end] = ends[kind];
    for (const gap of [1, 60_000, 86_400_000 * 365]) {
      const earlier = new Date(Date.parse(record[start] as string) - gap).toISOString();
      yield { text: stringify({ ...record, [end]: earlier }), field: end, what: `${end} ${gap} ms before ${start}` };
    }
  }

  // Unknown kinds, deep nesting, oversize records, duplicate keys.
  for (const other of ['deploy', 'Deployment', `${kind} `, '', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    yield { text: stringify({ ...record, kind: other }), field: 'kind', what: `kind ${JSON.stringify(other)}` };
  }
  for (const depth of [INPUT_LIMITS.depth + 1, 1000, 100_000]) {
    yield { text: `${text.slice(0, -1)},"extra":${nested(depth)}}`, field: null, what: `unknown field nested ${depth} deep` };
  }
  yield { text: `${text.slice(0, -1)},"extra":"${'x'.repeat(INPUT_LIMITS.unknownFieldsChars)}"}`, field: 'extra', what: 'unknown field over its size limit' };
  yield { text: `${text.slice(0, -1)},"extra":"${'x'.repeat(INPUT_LIMITS.recordChars)}"}`, field: null, what: 'record over its size limit' };
  for (const key of Object.keys(record).filter((name) => name !== 'kind')) {
    const other = typeof record[key] === 'string' ? `"${(record[key] as string).slice(0, 1)}-twin"` : 'null';
    yield { text: withRawKey(text, key, other), field: key, what: `${key} twice` };
  }
  yield { text: withRawKey(text, 'kind', '"service"'), field: 'kind', what: 'kind twice' };
}

/** Lines that are not a record at all. */
const NOT_RECORDS: Mutation[] = [
  '\u0000',
  '\u0000\u0000\u0000',
  'null',
  '[]',
  '[{"kind":"service","name":"s"}]',
  '42',
  '"service"',
  'true',
  '{',
  '{"kind":"service","name":"s"',
  '{"kind":"service","name":"s"}}',
  "{'kind':'service'}",
  '{"kind":"service","name":"s",}',
  '\ud800',
  '{"kind":"service","name":"s"} trailing',
  'NaN',
  '{"kind":"service","name":NaN}',
].map((text) => ({ text, field: null, what: `not a record: ${JSON.stringify(text).slice(0, 40)}` }));

/** Every mutation of every valid record: at least 2,000 records each of which must be refused. */
export const generateMutations = (): Mutation[] => [...VALID_RECORDS.flatMap((record) => [...mutateRecord(record)]), ...NOT_RECORDS];

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { stableHash } from '../domain/stable-hash';
import { AppError } from '../errors';
import { findCampaignProblems } from '../campaigns/find-campaign-problems';
import { computeCheckHash } from './compute-check-hash';
import { ZStandardsFile, type Check, type Standards } from './standards-schema';

type Path = readonly PropertyKey[];

/** Records the line of every key and list item, so a problem deep inside a check can point at its line. */
const collectLines = (node: unknown, path: string[], lines: LineCounter, out: Map<string, number>) => {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const range = (pair.key as Node | null)?.range;
      if (range) out.set([...path, key].join('.'), lines.linePos(range[0]).line);
      collectLines(pair.value, [...path, key], lines, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const range = (item as Node | null)?.range;
      if (range) out.set([...path, String(index)].join('.'), lines.linePos(range[0]).line);
      collectLines(item, [...path, String(index)], lines, out);
    });
  }
};

const formatKey = (path: Path) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/** `checks[3] (id: protected-main)`: the check a problem is in, by position and id, so it can be found either way. */
const describeOwner = (raw: unknown, path: Path): { owner: string; rest: Path } | null => {
  const [section, index, ...rest] = path;
  if ((section !== 'checks' && section !== 'exemptions' && section !== 'campaigns') || typeof index !== 'number') return null;
  const item = (raw as Record<string, unknown[]> | null)?.[section]?.[index] as Record<string, unknown> | undefined;
  if (section === 'checks') {
    const id = typeof item?.id === 'string' ? item.id : null;
    return { owner: `check ${id ? `"${id}"` : `#${index + 1} (no id)`} (checks[${index}])`, rest };
  }
  if (section === 'campaigns') {
    const name = typeof item?.name === 'string' ? item.name : null;
    return { owner: `campaign ${name ? `"${name}"` : `#${index + 1} (no name)`} (campaigns[${index}])`, rest };
  }
  const what = item && typeof item.service === 'string' && typeof item.check === 'string' ? ` (${item.service}/${item.check})` : '';
  return { owner: `exemptions[${index}]${what}`, rest };
};

const describeProblem = (origin: string, lines: Map<string, number>, raw: unknown, path: Path, message: string) => {
  let line: number | undefined;
  for (let length = path.length; length >= 0 && line === undefined; length--) line = lines.get(path.slice(0, length).map(String).join('.'));
  const where = line ? `${origin} line ${line}` : origin;
  const owner = describeOwner(raw, path);
  if (owner) return `${where}: ${owner.owner}: ${owner.rest.length > 0 ? `${formatKey(owner.rest)}: ` : ''}${message}`;
  return `${where}: ${path.length > 0 ? `${formatKey(path)}: ` : ''}${message}`;
};

/** Problems in file order, so they read top to bottom like the file. */
const sortByLine = (details: string[]) => {
  const lineOf = (detail: string) => Number(/ line (\d+):/.exec(detail)?.[1] ?? 0);
  return [...details].sort((a, b) => lineOf(a) - lineOf(b));
};

const issuePath = (issue: z.core.$ZodIssue): Path =>
  // An unknown key is reported on its object; pointing at the key itself gives the right line.
  issue.code === 'unrecognized_keys' && issue.keys.length === 1 && !issue.message.startsWith('unknown rule kind') ? [...issue.path, issue.keys[0]!] : issue.path;

const issueMessage = (issue: z.core.$ZodIssue) =>
  issue.code === 'unrecognized_keys' && !issue.message.startsWith('unknown rule kind') ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message;

/**
 * Parses and validates a standards file (golden-path.yaml). Every problem is listed with the file, line, check id
 * and key; a file with any problem is refused whole, so nothing is ever evaluated against half a standard.
 */
export const parseStandards = (source: string, origin: string): Standards => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const details = doc.errors.map((error) => `${origin} line ${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]}`);
    throw new AppError('CONFIG_INVALID', `Invalid standards file ${origin}`, { details });
  }
  const raw: unknown = doc.toJS();
  const lines = new Map<string, number>();
  collectLines(doc.contents, [], lineCounter, lines);
  const problem = (path: Path, message: string) => describeProblem(origin, lines, raw, path, message);

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('CONFIG_INVALID', `Invalid standards file ${origin}`, { details: [`${origin}: the top level must be a mapping with version, levels and checks`] });
  }
  const result = ZStandardsFile.safeParse(raw);
  if (!result.success) {
    // "unknown rule kind" already says what is wrong with a rule; "needs exactly one of" on the same rule is noise.
    const unknownKinds = new Set(result.error.issues.filter((issue) => issue.code === 'unrecognized_keys').map((issue) => issue.path.join('.')));
    const issues = result.error.issues.filter((issue) => !(issue.code === 'custom' && unknownKinds.has(issue.path.join('.'))));
    throw new AppError('CONFIG_INVALID', `Invalid standards file ${origin}`, { details: sortByLine(issues.map((issue) => problem(issuePath(issue), issueMessage(issue)))) });
  }

  const file = result.data;
  const details: string[] = [];
  if (new Set(file.levels).size !== file.levels.length) details.push(problem(['levels'], 'a level is listed twice'));
  if (file.levels.includes('unranked')) details.push(problem(['levels'], '"unranked" is reserved for services below the first level'));
  const seen = new Map<string, number>();
  file.checks.forEach((check, index) => {
    if (!file.levels.includes(check.level)) details.push(problem(['checks', index, 'level'], `"${check.level}" is not one of the levels (${file.levels.join(', ')})`));
    const first = seen.get(check.id);
    if (first !== undefined) details.push(problem(['checks', index, 'id'], `duplicate id; checks[${first}] already uses it`));
    else seen.set(check.id, index);
  });
  file.exemptions.forEach((exemption, index) => {
    if (!seen.has(exemption.check)) details.push(problem(['exemptions', index, 'check'], `no check has the id "${exemption.check}"`));
  });
  details.push(...findCampaignProblems(file, problem));
  if (details.length > 0) throw new AppError('CONFIG_INVALID', `Invalid standards file ${origin}`, { details: sortByLine(details) });

  const checks: Check[] = file.checks.map((check) => ({ ...check, title: check.title ?? check.id, hash: computeCheckHash(check) }));
  return {
    version: 1,
    levels: file.levels,
    checks,
    exemptions: file.exemptions,
    campaigns: file.campaigns,
    hash: stableHash({ levels: file.levels, checks: checks.map((check) => check.hash) }).slice(0, 16),
    revision: stableHash(file).slice(0, 16),
    origin,
  };
};

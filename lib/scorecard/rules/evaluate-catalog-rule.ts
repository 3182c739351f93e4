import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome, RuleStatus } from '../scorecard-types';
import { compareVersions } from './compare-versions';
import { readCatalogEntity } from './read-catalog-entity';

/**
 * Reads a dotted path. Keys may themselves hold dots (annotations such as `backstage.io/techdocs-ref`), so at each
 * step the longest key that exists wins: `metadata.annotations.backstage.io/techdocs-ref` finds that annotation.
 */
const readField = (entity: unknown, path: string): unknown => {
  const parts = path.split('.');
  let node: unknown = entity;
  let index = 0;
  while (index < parts.length) {
    if (!node || typeof node !== 'object') return undefined;
    const record = node as Record<string, unknown>;
    let next = -1;
    for (let end = parts.length; end > index; end--) {
      if (Object.hasOwn(record, parts.slice(index, end).join('.'))) {
        next = end;
        break;
      }
    }
    if (next < 0) return undefined;
    node = record[parts.slice(index, next).join('.')];
    index = next;
  }
  return node;
};

const isPresent = (value: unknown) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? 'nothing').slice(0, 200);

const judge = (rule: RuleOf<'catalog'>, value: unknown): { status: RuleStatus; summary: string } => {
  const field = rule.field;
  if (rule.exists !== undefined) {
    const present = isPresent(value);
    const status = present === rule.exists ? 'pass' : 'fail';
    return { status, summary: present ? `${field} is ${show(value)}` : `${field} is not set` };
  }
  if (!isPresent(value)) return { status: 'fail', summary: `${field} is not set` };
  if (rule.equals !== undefined) {
    return String(value) === String(rule.equals) ? { status: 'pass', summary: `${field} is ${show(value)}` } : { status: 'fail', summary: `${field} is ${show(value)}, not ${show(rule.equals)}` };
  }
  if (rule.in !== undefined) {
    const allowed = rule.in.map(String);
    return allowed.includes(String(value)) ? { status: 'pass', summary: `${field} is ${show(value)}` } : { status: 'fail', summary: `${field} is ${show(value)}, not one of ${allowed.join(', ')}` };
  }
  if (rule.matches !== undefined) {
    return new RegExp(rule.matches).test(String(value)) ? { status: 'pass', summary: `${field} is ${show(value)}` } : { status: 'fail', summary: `${field} is ${show(value)}, which does not match /${rule.matches}/` };
  }
  const comparison = compareVersions(String(value), rule.semverAtLeast!);
  if (comparison === null) return { status: 'fail', summary: `${field} is ${show(value)}, which is not a version` };
  return comparison >= 0 ? { status: 'pass', summary: `${field} is ${show(value)} (at least ${rule.semverAtLeast})` } : { status: 'fail', summary: `${field} is ${show(value)}, older than ${rule.semverAtLeast}` };
};

/** Judges one field of the service's Backstage catalog entity: exists, equals, in, matches or semverAtLeast. */
export const evaluateCatalogRule = (rule: RuleOf<'catalog'>, context: RuleContext): RuleOutcome => {
  const catalog = readCatalogEntity(context);
  if ('outcome' in catalog) return catalog.outcome;
  const value = readField(catalog.entity, rule.field);
  const { status, summary } = judge(rule, value);
  const shown = value === undefined ? null : typeof value === 'object' ? JSON.stringify(value).slice(0, 500) : value;
  return { status, fact: catalog.fact, commitSha: catalog.commitSha, evidence: { summary: `${summary} (${catalog.source})`, field: rule.field, value: shown, source: catalog.source } };
};

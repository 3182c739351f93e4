import { parseAllDocuments } from 'yaml';
import type { FactKind } from '../../domain/facts';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { readFreshFact } from './read-fresh-fact';

const CATALOG_FILES = ['catalog-info.yaml', 'catalog-info.yml'];

export type CatalogEntity =
  | { entity: Record<string, unknown>; source: string; fact: { kind: FactKind; collectedAt: Date }; commitSha: string | null }
  | { outcome: RuleOutcome };

/**
 * The service's Backstage entity: a `catalog` fact when a source recorded one, otherwise catalog-info.yaml from
 * the repository facts. A repository without one fails catalog checks; a catalog file that does not parse fails
 * them too, naming the line, since that is the service's to fix.
 */
export const readCatalogEntity = (context: RuleContext): CatalogEntity => {
  if (context.inputs.facts.catalog) {
    const catalog = readFreshFact(context, 'catalog');
    if ('unknown' in catalog) return { outcome: catalog.unknown };
    return { entity: catalog.data as Record<string, unknown>, source: 'catalog', fact: catalog.fact, commitSha: null };
  }
  const repository = readFreshFact(context, 'repository');
  if ('unknown' in repository) return { outcome: repository.unknown };
  const { data, fact, commitSha } = repository;
  const file = CATALOG_FILES.find((name) => data.paths.includes(name));
  if (!file) {
    if (data.truncated) return { outcome: { status: 'unknown', fact, commitSha, evidence: { summary: 'catalog-info.yaml is not in the part of the tree that could be listed (truncated)', reason: 'truncated' } } };
    return { outcome: { status: 'fail', fact, commitSha, evidence: { summary: 'The repository has no catalog-info.yaml' } } };
  }
  const content = data.files[file];
  if (content === undefined) {
    return { outcome: { status: 'unknown', fact, commitSha, evidence: { summary: `The contents of ${file} were not collected`, reason: 'content-missing', file } } };
  }
  const documents = parseAllDocuments(content);
  const list = Array.isArray(documents) ? documents : [];
  const broken = list.find((document) => document.errors.length > 0);
  if (broken || list.length === 0) {
    const error = broken?.errors[0];
    const line = error?.linePos?.[0]?.line;
    return { outcome: { status: 'fail', fact, commitSha, evidence: { summary: `${file}${line ? ` line ${line}` : ''} is not valid YAML${error ? `: ${error.message.split('\n')[0]}` : ''}`, file, line: line ?? null } } };
  }
  // A catalog file may hold several entities; the Component describes the service.
  const entities = list.map((document) => document.toJS() as unknown).filter((value): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value));
  const entity = entities.find((candidate) => candidate.kind === 'Component') ?? entities[0];
  if (!entity) return { outcome: { status: 'fail', fact, commitSha, evidence: { summary: `${file} holds no catalog entity`, file } } };
  return { entity, source: file, fact, commitSha };
};

import { parseAllDocuments } from 'yaml';
import { ZCatalogFacts, type CatalogFacts } from '../../../lib/domain/facts';

export type CatalogInfo = { status: 'ok'; entity: CatalogFacts } | { status: 'error'; error: string };

// yaml's pretty errors end with " at line 4, column 1:" and a code frame; the line is named separately here.
const firstLine = (message: string) =>
  message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();

/**
 * Reads a Backstage catalog-info.yaml. A file may hold several entities (`---`); the service is its Component, else
 * its first entity. A file that does not parse, or names no entity, is an error with the reason, so the scorecard
 * says "unknown" for checks that need it rather than "fail".
 */
export const normalizeCatalogInfo = (content: string, path = 'catalog-info.yaml'): CatalogInfo => {
  const documents = parseAllDocuments(content);
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    const [error] = document.errors;
    if (error) {
      const line = error.linePos?.[0]?.line;
      return { status: 'error', error: `${path}${line ? ` line ${line}` : ''}: ${firstLine(error.message)}` };
    }
  }
  const entities = list.map((document) => document.toJS() as unknown).filter((value) => value && typeof value === 'object' && !Array.isArray(value)) as Record<string, unknown>[];
  const chosen = entities.find((entity) => entity.kind === 'Component') ?? entities[0];
  if (!chosen) return { status: 'error', error: `${path}: no entity in the file` };
  const parsed = ZCatalogFacts.safeParse(chosen);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: 'error', error: `${path}: ${issue.path.join('.') || 'entity'}: ${issue.message}` };
  }
  return { status: 'ok', entity: parsed.data };
};

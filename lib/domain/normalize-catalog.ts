import { parseAllDocuments } from 'yaml';
import { ZCatalogFacts, type CatalogFacts } from './facts';

export type CatalogResult =
  | { status: 'ok'; data: CatalogFacts; team: string | null; lifecycle: string | null; tier: string | null; tags: string[] | null }
  | { status: 'error'; error: string };

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

// Backstage owners are entity refs: "group:default/payments-team" → "payments-team".
const ownerName = (value: unknown) => str(value)?.replace(/^[a-z]+:/i, '').replace(/^[^/]+\//, '') ?? null;

/**
 * Parses a Backstage catalog-info.yaml. A file that does not parse, or has no entity with a name, is an error
 * fact (checks say "unknown"), never a silently empty catalog. With several entities, the Component is used.
 */
export const normalizeCatalog = (file: string, content: string): CatalogResult => {
  let documents: unknown[];
  try {
    const parsed = parseAllDocuments(content);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const broken = list.find((doc) => doc.errors.length > 0);
    if (broken) return { status: 'error', error: `${file} does not parse: ${broken.errors[0]!.message.split('\n')[0]}` };
    documents = list.map((doc) => doc.toJS() as unknown).filter((doc) => doc && typeof doc === 'object');
  } catch (error) {
    return { status: 'error', error: `${file} does not parse: ${(error as Error).message.split('\n')[0]}` };
  }
  const entities = documents.map((doc) => ZCatalogFacts.safeParse(doc)).filter((result) => result.success).map((result) => result.data);
  const entity = entities.find((candidate) => candidate.kind === 'Component') ?? entities[0];
  if (!entity) return { status: 'error', error: `${file} has no catalog entity with metadata.name` };
  const annotations = (entity.metadata.annotations ?? {}) as Record<string, unknown>;
  const tierKey = Object.keys(annotations).find((key) => /(^|\/)tier$/i.test(key));
  const tags = Array.isArray(entity.metadata.tags) ? entity.metadata.tags.filter((tag): tag is string => typeof tag === 'string') : [];
  const system = str(entity.spec?.system);
  return {
    status: 'ok',
    data: entity,
    team: ownerName(entity.spec?.owner),
    lifecycle: str(entity.spec?.lifecycle),
    tier: tierKey ? (str(String(annotations[tierKey])) ?? null) : null,
    tags: tags.length > 0 || system ? [...tags, ...(system ? [`system:${system}`] : [])] : null,
  };
};

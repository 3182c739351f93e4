import { parseAllDocuments } from 'yaml';
import { ZCatalogFacts, type CatalogFacts } from './facts';
import type { ServiceRow } from './types';

/** What a catalog-info.yaml says about its service, the same whichever source read the file. */
export type CatalogDescription = {
  team: string | null;
  lifecycle: string | null;
  tier: string | null;
  tags: string[] | null;
};

export type CatalogInfo =
  ({ status: 'ok'; entity: CatalogFacts } & CatalogDescription) | { status: 'error'; error: string };

export const CATALOG_FILES = ['catalog-info.yaml', 'catalog-info.yml'] as const;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The team of a Backstage owner ref (`[kind:][namespace/]name`): `group:default/payments`, `default/payments` and
 * `payments` are the team `payments`. A `user:` owner is a person, not a team: no team (the catalog entity keeps it).
 */
export const readCatalogTeam = (owner: unknown) => {
  const ref = text(owner);
  const match = ref ? /^(?:([a-z]+):)?(?:[^/:]+\/)?([^/:]+)$/i.exec(ref) : null;
  if (!match || (match[1] && match[1].toLowerCase() !== 'group')) return null;
  return match[2]!;
};

// Waymark's own annotation wins, then the `tier` label (Backstage labels are the usual place for a short
// classification), then any other `…/tier` annotation a catalog may already carry.
const readTier = (entity: CatalogFacts) => {
  const annotations = (entity.metadata.annotations ?? {}) as Record<string, unknown>;
  const labels = (entity.metadata.labels ?? {}) as Record<string, unknown>;
  const tierKey = Object.keys(annotations).find((key) => /(^|\/)tier$/i.test(key));
  const chosen = annotations['waymark.dev/tier'] ?? labels.tier ?? (tierKey ? annotations[tierKey] : null);
  return chosen === null || chosen === undefined ? null : text(String(chosen));
};

/** The annotations naming a component's repository, GitHub's first (both are Backstage's own conventions). */
export const REPOSITORY_ANNOTATIONS = ['github.com/project-slug', 'gitlab.com/project-slug'] as const;

/** The repository (`owner/name`, `group/sub/name`) a catalog entity's slug annotation names, or null. */
export const readCatalogRepository = (entity: CatalogFacts) => {
  const annotations = (entity.metadata.annotations ?? {}) as Record<string, unknown>;
  for (const key of REPOSITORY_ANNOTATIONS) {
    const slug = text(annotations[key]);
    if (slug) return slug;
  }
  return null;
};

const describeEntity = (entity: CatalogFacts): CatalogDescription => {
  const tags = Array.isArray(entity.metadata.tags)
    ? entity.metadata.tags.filter((tag): tag is string => typeof tag === 'string')
    : [];
  const system = text(entity.spec?.system);
  return {
    team: readCatalogTeam(entity.spec?.owner),
    lifecycle: text(entity.spec?.lifecycle),
    tier: readTier(entity),
    tags: tags.length > 0 || system ? [...tags, ...(system ? [`system:${system}`] : [])] : null,
  };
};

/**
 * One catalog entity already read as an object (a document of a catalog-info.yaml, or an entity the Backstage catalog
 * API answered), checked and described the same way whichever source found it.
 */
export const describeCatalogEntity = (value: unknown, path = 'catalog-info.yaml'): CatalogInfo => {
  const parsed = ZCatalogFacts.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: 'error', error: `${path}: ${issue.path.join('.') || 'entity'}: ${issue.message}` };
  }
  return { status: 'ok', entity: parsed.data, ...describeEntity(parsed.data) };
};

// yaml's pretty errors end with " at line 4, column 1:" and a code frame; the line is named separately here.
const firstLine = (message: string) =>
  message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();

/**
 * Reads a Backstage catalog-info.yaml, for every source that finds one (git, GitHub). A file may hold several
 * entities (`---`); the service is its Component, else its first entity. A file that does not parse, or names no
 * entity, is an error with the reason and line, so the scorecard says "unknown" for checks that need it, not "fail".
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
  const entities = list
    .map((document) => document.toJS() as unknown)
    .filter((value) => value && typeof value === 'object' && !Array.isArray(value)) as Record<string, unknown>[];
  const chosen = entities.find((entity) => entity.kind === 'Component') ?? entities[0];
  if (!chosen) return { status: 'error', error: `${path}: no entity in the file` };
  return describeCatalogEntity(chosen, path);
};

/** The catalog file of a tree, read: the first of CATALOG_FILES present, or null when there is none. */
export const readCatalogFile = (files: Readonly<Record<string, string>>): CatalogInfo | null => {
  const path = CATALOG_FILES.find((candidate) => candidate in files);
  return path ? normalizeCatalogInfo(files[path]!, path) : null;
};

/**
 * The service row a source writes for a repository: where it lives, and what its catalog entry says when it has a
 * valid one. Without one, team, lifecycle, tier and tags stay null so another source's answer is kept.
 */
export const describeCatalogService = (
  { name, repository, source, sourceId }: { name: string; repository: string | null; source: string; sourceId: string },
  catalog: CatalogInfo | null,
): ServiceRow => {
  const ok = catalog?.status === 'ok' ? catalog : null;
  return {
    name,
    repository,
    source,
    sourceId,
    team: ok?.team ?? null,
    lifecycle: ok?.lifecycle ?? null,
    tier: ok?.tier ?? null,
    tags: ok?.tags ?? null,
    catalog: ok ? (ok.entity as Record<string, unknown>) : null,
  };
};

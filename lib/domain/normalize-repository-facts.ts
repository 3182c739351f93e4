import type { FactObservation, RepositoryFacts } from './facts';
import { readCatalogFile, type CatalogInfo } from './normalize-catalog-info';

/** A forge's listing of the default branch's tree (GitHub's recursive tree, GitLab's repository tree). */
export type RepositoryTree = { sha?: string; truncated?: boolean; tree: { path: string; type?: string }[] };

/** The default branch's tree (one recursive listing) and the fact files' contents, as the repository fact. */
export const normalizeRepositoryFacts = (input: {
  defaultBranch: string;
  headSha: string | null;
  tree: RepositoryTree;
  files: Record<string, string>;
}): RepositoryFacts => ({
  defaultBranch: input.defaultBranch,
  ...(input.headSha ? { headSha: input.headSha } : {}),
  paths: input.tree.tree.map((entry) => entry.path).sort(),
  files: Object.fromEntries(Object.entries(input.files).sort(([a], [b]) => a.localeCompare(b))),
  truncated: Boolean(input.tree.truncated),
});

type Origin = { service: string; source: string; collectedAt: Date };

/**
 * The repository fact and the catalog fact every source records for a repository (git, GitHub, GitLab): the catalog
 * is the `catalog-info.yaml` among the fact files unless the source read it elsewhere. No catalog file, no fact.
 */
export const describeRepositoryFacts = (
  { service, source, collectedAt }: Origin,
  repository: RepositoryFacts,
  catalog: CatalogInfo | null = readCatalogFile(repository.files),
): FactObservation[] => {
  const base = { service, source, collectedAt };
  const observations: FactObservation[] = [{ ...base, kind: 'repository', status: 'ok', error: null, data: repository }];
  if (catalog?.status === 'ok') observations.push({ ...base, kind: 'catalog', status: 'ok', error: null, data: catalog.entity });
  else if (catalog) observations.push({ ...base, kind: 'catalog', status: 'error', error: catalog.error, data: null });
  return observations;
};

import type { FactObservation } from '../../../lib/domain/facts';
import type { GitTree } from './collect-git-tree';
import type { CatalogInfo } from '../../../lib/domain/normalize-catalog-info';

export type GitFactsInput = {
  service: string;
  defaultBranch: string | null;
  headSha: string;
  tree: GitTree;
  /** The catalog-info.yaml read, or null when the repository has none. */
  catalog: CatalogInfo | null;
  collectedAt: Date;
};

/**
 * The facts a git repository can tell: its tree (every path, and the files the standards ask about) and its catalog
 * entry. Branch protection lives on a hosting service, not in the repository: nothing is recorded for it, so its
 * checks stay "unknown" rather than failing.
 */
export const normalizeGitFacts = ({ service, defaultBranch, headSha, tree, catalog, collectedAt }: GitFactsInput): FactObservation[] => {
  const observations: FactObservation[] = [
    {
      service,
      kind: 'repository',
      source: 'git',
      collectedAt,
      status: 'ok',
      data: { ...(defaultBranch ? { defaultBranch } : {}), headSha, paths: tree.paths, files: tree.files, truncated: false },
      error: null,
    },
  ];
  if (catalog) {
    observations.push(
      catalog.status === 'ok'
        ? { service, kind: 'catalog', source: 'git', collectedAt, status: 'ok', data: catalog.entity as Record<string, unknown>, error: null }
        : { service, kind: 'catalog', source: 'git', collectedAt, status: 'error', data: null, error: catalog.error },
    );
  }
  return observations;
};

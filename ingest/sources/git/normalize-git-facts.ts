import type { FactObservation } from '../../../lib/domain/facts';
import { describeRepositoryFacts } from '../../../lib/domain/normalize-repository-facts';
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
  const repository = { ...(defaultBranch ? { defaultBranch } : {}), headSha, paths: tree.paths, files: tree.files, truncated: false };
  return describeRepositoryFacts({ service, source: 'git', collectedAt }, repository, catalog);
};

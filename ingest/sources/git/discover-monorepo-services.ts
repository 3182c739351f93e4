import { isMonorepoTag } from '../../../lib/domain/is-monorepo-tag';
import { listCatalogServices } from '../../../lib/domain/list-catalog-services';
import type { ConfiguredService, MonorepoService } from '../../../lib/domain/monorepo-service';
import { selectConfiguredServices } from '../../../lib/domain/select-configured-services';
import { collectGitTree } from './collect-git-tree';
import { openGitRepository } from './open-git-repository';
import { runGit } from './run-git';

export type { MonorepoService } from '../../../lib/domain/monorepo-service';

const CATALOG_GLOBS = ['**/catalog-info.yaml', '**/catalog-info.yml'];

/**
 * The services of a monorepo, read with no flags: those `git.services` in waymark.yaml names for this repository
 * (by its `owner/name` or folder name), else each `catalog-info.yaml` below the top folder names a component
 * whose paths are its folder, and it is a service of its own when the repository has release tags of its name
 * (`checkout@1.4.0`, `checkout/v1.4.0`). Empty when the repository is one service: a top-level catalog file, or no
 * component with tags of its own.
 */
export const discoverMonorepoServices = async (
  path: string,
  configured: readonly ConfiguredService[] = [],
): Promise<MonorepoService[]> => {
  const repository = await openGitRepository(path);
  const own = selectConfiguredServices(configured, [repository.location, repository.folderName]);
  if (own.length > 0) return own;
  const tree = await collectGitTree(repository.path, repository.headSha, CATALOG_GLOBS);
  const candidates = listCatalogServices(tree.files);
  if (candidates.length === 0) return [];
  const tags = (await runGit(repository.path, ['for-each-ref', '--format=%(refname:short)', 'refs/tags'])).split('\n');
  return candidates
    .filter(({ service }) => tags.some((tag) => isMonorepoTag(service, tag)))
    .map(({ service, paths, origin }) => ({ service, paths, origin }));
};

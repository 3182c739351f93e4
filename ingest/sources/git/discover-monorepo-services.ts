import { readCatalogFile } from '../../../lib/domain/normalize-catalog-info';
import { collectGitTree } from './collect-git-tree';
import { isMonorepoTag } from './inspect-git-repository';
import { openGitRepository } from './open-git-repository';
import { runGit } from './run-git';

export type MonorepoService = {
  service: string;
  paths: string[];
  deployTags?: string;
  origin: 'waymark.yaml' | 'catalog';
};

type ConfiguredService = { name: string; repository: string; paths: string[]; tags?: string };

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
  const own = configured.filter((entry) => [repository.location, repository.folderName].includes(entry.repository));
  if (own.length > 0) {
    return own.map((entry) => ({
      service: entry.name,
      paths: entry.paths,
      origin: 'waymark.yaml' as const,
      ...(entry.tags ? { deployTags: entry.tags } : {}),
    }));
  }
  const tree = await collectGitTree(repository.path, repository.headSha, CATALOG_GLOBS);
  const files = Object.keys(tree.files);
  if (files.some((file) => !file.includes('/'))) return [];
  const tags = (await runGit(repository.path, ['for-each-ref', '--format=%(refname:short)', 'refs/tags'])).split('\n');
  const found: MonorepoService[] = [];
  for (const file of files.sort()) {
    const folder = file.slice(0, file.lastIndexOf('/'));
    const name = file.slice(folder.length + 1);
    const catalog = readCatalogFile({ [name]: tree.files[file]! });
    if (catalog?.status !== 'ok') continue;
    const service = catalog.entity.metadata.name;
    if (tags.some((tag) => isMonorepoTag(service, tag)))
      found.push({ service, paths: [`${folder}/**`], origin: 'catalog' });
  }
  return found;
};

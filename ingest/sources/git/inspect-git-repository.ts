import picomatch from 'picomatch';
import { isMonorepoTag } from '../../../lib/domain/is-monorepo-tag';
import { isReleaseVersion, RELEASE_VERSION_RULE } from '../../../lib/domain/release-version';
import { AppError } from '../../../lib/errors';
import { collectGitTags } from './collect-git-tags';
import { collectGitTree, type GitTree } from './collect-git-tree';
import { getFactFileGlobs } from '../../../lib/scorecard/get-fact-file-globs';
import { readCatalogFile, type CatalogInfo } from '../../../lib/domain/normalize-catalog-info';
import { openGitRepository, type GitRepository } from './open-git-repository';
import { runGit } from './run-git';
import { toStorableText } from '../../../lib/validation/to-storable-text';

export const DEFAULT_DEPLOY_TAGS = RELEASE_VERSION_RULE;

export type InspectGitRepositoryOptions = {
  path: string;
  service?: string;
  deployTags?: string;
  deployBranch?: string;
  /** A service of a monorepo: the paths (globs) that are its own; its deployments carry only commits changing them. */
  paths?: readonly string[];
  factFileGlobs?: readonly string[];
};

export type GitDeploymentSource =
  | { mode: 'tag'; ref: string; tags: Awaited<ReturnType<typeof collectGitTags>> }
  | { mode: 'branch'; ref: string; tip: string };

/** Checks the deployment source before anything is written: bad input must leave the database untouched. */
const resolveDeploymentSource = async (
  repository: GitRepository,
  path: string,
  {
    deployTags,
    deployBranch,
    monorepoService,
  }: { deployTags?: string; deployBranch?: string; monorepoService: string | null },
): Promise<GitDeploymentSource> => {
  if (deployBranch !== undefined) {
    for (const ref of [`refs/heads/${deployBranch}`, `refs/remotes/origin/${deployBranch}`]) {
      const tip = (
        await runGit(repository.path, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]).catch(() => '')
      ).trim();
      if (tip) return { mode: 'branch', ref: deployBranch, tip };
    }
    const branches = (await runGit(repository.path, ['for-each-ref', '--format=%(refname:short)', 'refs/heads']))
      .split('\n')
      .filter(Boolean);
    throw new AppError(
      'USAGE',
      `--deploy-branch: ${path} has no branch "${deployBranch}"${branches.length ? ` (branches: ${branches.slice(0, 10).join(', ')})` : ''}`,
    );
  }
  // With no glob, tags that read as release versions are deployments: `v*` alone misses `4.17.1` and takes `v2-rc1`;
  // a monorepo service's own are its name, then @ or /, then a release version (checkout@1.4.0, checkout/v1.4.0).
  const rule =
    deployTags ??
    (monorepoService ? `${monorepoService}@<version> or ${monorepoService}/<version>` : DEFAULT_DEPLOY_TAGS);
  const matches =
    deployTags !== undefined
      ? picomatch(deployTags, { dot: true })
      : monorepoService
        ? (tag: string) => isMonorepoTag(monorepoService, tag)
        : isReleaseVersion;
  const tags = await collectGitTags(repository.path, matches);
  if (tags.tags.length === 0) {
    const example = tags.unmatched.example ? ` (e.g. ${tags.unmatched.example})` : '';
    const what =
      tags.total === 0
        ? 'has no tags'
        : `has ${tags.total} tag${tags.total === 1 ? '' : 's'}${example}, none matching${tags.skipped.length ? ` a commit (${tags.skipped.length} match but point at a tree or blob)` : ''}`;
    const name = deployTags === undefined ? rule : `--deploy-tags "${rule}"`;
    throw new AppError(
      'USAGE',
      `${name} matches no tag: ${path} ${what}. Pass --deploy-tags GLOB, or --deploy-branch BRANCH if every merge is deployed`,
    );
  }
  return { mode: 'tag', ref: rule, tags };
};

export type GitInspection = {
  repository: GitRepository;
  tree: GitTree;
  catalog: CatalogInfo | null;
  service: string;
  source: GitDeploymentSource;
  paths: readonly string[] | null;
};

/** The folder a path glob starts in (`services/checkout/**` → `services/checkout`), where its catalog file lives. */
const staticFolderOf = (glob: string) => {
  const literal = glob.split(/[*?[{]/)[0]!;
  return literal.endsWith('/')
    ? literal.slice(0, -1)
    : literal.includes('/')
      ? literal.slice(0, literal.lastIndexOf('/'))
      : literal;
};

/** Refuses a path that names nothing at HEAD (a typo would silently give a service with no changes). */
const checkMonorepoPaths = (repository: GitRepository, tree: GitTree, paths: readonly string[]) => {
  for (const path of paths) {
    if (path.trim() === '' || path.startsWith('/') || path.split('/').includes('..')) {
      throw new AppError('USAGE', `--path "${path}": expected a path inside the repository, like services/checkout/**`);
    }
    const matches = picomatch(path, { dot: true });
    if (!tree.paths.some((file) => matches(file))) {
      throw new AppError('USAGE', `--path "${path}": no file of ${repository.location} matches it at HEAD`);
    }
  }
};

/** A monorepo service's catalog-info.yaml: the one in the folder of its first path, when there is one. */
const readFolderCatalog = async (repository: GitRepository, paths: readonly string[]) => {
  const folder = staticFolderOf(paths[0]!);
  for (const name of ['catalog-info.yaml', 'catalog-info.yml']) {
    const file = folder ? `${folder}/${name}` : name;
    const text = await runGit(repository.path, ['show', `${repository.headSha}:${file}`]).catch(() => null);
    if (text !== null) return readCatalogFile({ [name]: text });
  }
  return null;
};

/**
 * Everything an ingest needs to know before it writes: that the path is a repository, its tree and catalog at HEAD of
 * the default branch, the service name, and that the deployment tags or branch exist. Reads git only, so bad input
 * is refused before a database is even opened.
 */
export const inspectGitRepository = async (options: InspectGitRepositoryOptions): Promise<GitInspection> => {
  const { path, service, deployTags, deployBranch, factFileGlobs = getFactFileGlobs() } = options;
  if (deployTags !== undefined && deployBranch !== undefined) {
    throw new AppError(
      'USAGE',
      '--deploy-tags and --deploy-branch exclude each other: choose how this repository deploys',
    );
  }
  const paths = options.paths && options.paths.length > 0 ? options.paths : null;
  if (paths && deployBranch !== undefined) {
    throw new AppError(
      'USAGE',
      '--path needs tag deployments (--deploy-tags): a branch deploys every service of the repository',
    );
  }
  const repository = await openGitRepository(path);
  const tree = await collectGitTree(repository.path, repository.headSha, factFileGlobs);
  if (paths) checkMonorepoPaths(repository, tree, paths);
  const catalog = paths ? await readFolderCatalog(repository, paths) : readCatalogFile(tree.files);
  if (paths && service === undefined && catalog?.status !== 'ok') {
    const folder = staticFolderOf(paths[0]!) || 'the repository root';
    throw new AppError('USAGE', `--path: name the service with --service (${folder} has no valid catalog-info.yaml)`);
  }
  // A name from a catalog file or a folder is data: made storable once here, so every row that names it agrees.
  const name = toStorableText(
    service ?? (catalog?.status === 'ok' ? catalog.entity.metadata.name : repository.folderName),
  );
  const source = await resolveDeploymentSource(repository, path, {
    deployTags,
    deployBranch,
    monorepoService: paths ? name : null,
  });
  return { repository, tree, catalog, service: name, source, paths };
};

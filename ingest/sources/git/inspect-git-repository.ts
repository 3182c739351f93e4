import picomatch from 'picomatch';
import { isReleaseVersion, RELEASE_VERSION_RULE } from '../../../lib/domain/release-version';
import { AppError } from '../../../lib/errors';
import { collectGitTags } from './collect-git-tags';
import { collectGitTree, type GitTree } from './collect-git-tree';
import { getFactFileGlobs } from '../../../lib/scorecard/get-fact-file-globs';
import { readCatalogFile, type CatalogInfo } from '../../../lib/domain/normalize-catalog-info';
import { openGitRepository, type GitRepository } from './open-git-repository';
import { runGit } from './run-git';

export const DEFAULT_DEPLOY_TAGS = RELEASE_VERSION_RULE;

export type InspectGitRepositoryOptions = {
  path: string;
  service?: string;
  deployTags?: string;
  deployBranch?: string;
  factFileGlobs?: readonly string[];
};

export type GitDeploymentSource =
  | { mode: 'tag'; ref: string; tags: Awaited<ReturnType<typeof collectGitTags>> }
  | { mode: 'branch'; ref: string; tip: string };

/** Checks the deployment source before anything is written: bad input must leave the database untouched. */
const resolveDeploymentSource = async (repository: GitRepository, path: string, deployTags: string | undefined, deployBranch: string | undefined): Promise<GitDeploymentSource> => {
  if (deployBranch !== undefined) {
    for (const ref of [`refs/heads/${deployBranch}`, `refs/remotes/origin/${deployBranch}`]) {
      const tip = (await runGit(repository.path, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]).catch(() => '')).trim();
      if (tip) return { mode: 'branch', ref: deployBranch, tip };
    }
    const branches = (await runGit(repository.path, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])).split('\n').filter(Boolean);
    throw new AppError('USAGE', `--deploy-branch: ${path} has no branch "${deployBranch}"${branches.length ? ` (branches: ${branches.slice(0, 10).join(', ')})` : ''}`);
  }
  // With no glob, tags that read as release versions are deployments: `v*` alone misses `4.17.1` and takes `v2-rc1`.
  const rule = deployTags ?? DEFAULT_DEPLOY_TAGS;
  const tags = await collectGitTags(repository.path, deployTags === undefined ? isReleaseVersion : picomatch(deployTags, { dot: true }));
  if (tags.tags.length === 0) {
    const example = tags.unmatched.example ? ` (e.g. ${tags.unmatched.example})` : '';
    const what = tags.total === 0 ? 'has no tags' : `has ${tags.total} tag${tags.total === 1 ? '' : 's'}${example}, none matching${tags.skipped.length ? ` a commit (${tags.skipped.length} match but point at a tree or blob)` : ''}`;
    const name = deployTags === undefined ? rule : `--deploy-tags "${rule}"`;
    throw new AppError('USAGE', `${name} matches no tag: ${path} ${what}. Pass --deploy-tags GLOB, or --deploy-branch BRANCH if every merge is deployed`);
  }
  return { mode: 'tag', ref: rule, tags };
};

export type GitInspection = {
  repository: GitRepository;
  tree: GitTree;
  catalog: CatalogInfo | null;
  service: string;
  source: GitDeploymentSource;
};

/**
 * Everything an ingest needs to know before it writes: that the path is a repository, its tree and catalog at HEAD of
 * the default branch, the service name, and that the deployment tags or branch exist. Reads git only, so bad input
 * is refused before a database is even opened.
 */
export const inspectGitRepository = async ({ path, service, deployTags, deployBranch, factFileGlobs = getFactFileGlobs() }: InspectGitRepositoryOptions): Promise<GitInspection> => {
  if (deployTags !== undefined && deployBranch !== undefined) {
    throw new AppError('USAGE', '--deploy-tags and --deploy-branch exclude each other: choose how this repository deploys');
  }
  const repository = await openGitRepository(path);
  const tree = await collectGitTree(repository.path, repository.headSha, factFileGlobs);
  const catalog = readCatalogFile(tree.files);
  const name = service ?? (catalog?.status === 'ok' ? catalog.entity.metadata.name : repository.folderName);
  const source = await resolveDeploymentSource(repository, path, deployTags, deployBranch);
  return { repository, tree, catalog, service: name, source };
};

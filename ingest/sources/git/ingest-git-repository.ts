import type { Db } from '../../../lib/db/client';
import { recordFacts } from '../../../lib/domain/record-facts';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { AppError, describeError, isAppError } from '../../../lib/errors';
import { withSpan } from '../../../lib/observability/trace';
import { finishIngestRun, startIngestRun } from '../../../lib/runs/record-ingest-run';
import { collectGitBranchDeployments } from './collect-git-branch-deployments';
import { collectGitTagDeployments } from './collect-git-tag-deployments';
import { collectGitTags } from './collect-git-tags';
import { collectGitTree } from './collect-git-tree';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { getGitBranchCursor } from './get-git-branch-cursor';
import { getGitFactFileGlobs } from './get-git-fact-file-globs';
import { getProcessedGitTags } from './get-processed-git-tags';
import { normalizeCatalogInfo, type CatalogInfo } from './normalize-catalog-info';
import { normalizeGitFacts } from './normalize-git-facts';
import { normalizeGitService } from './normalize-git-service';
import { openGitRepository, type GitRepository } from './open-git-repository';
import { planGitTagDeployments } from './plan-git-tag-deployments';
import { recordGitBranchCursor } from './record-git-branch-cursor';
import { runGit } from './run-git';
import { storeGitDeployments, type StoredGitDeployments } from './store-git-deployments';

export const DEFAULT_DEPLOY_TAGS = 'v*';

export type IngestGitRepositoryOptions = {
  db: Db;
  path: string;
  /** The service name; default: the catalog-info.yaml name, else the folder name. */
  service?: string;
  /** Tags that are production deployments (picomatch glob on the tag name); default `v*`. */
  deployTags?: string;
  /** Instead of tags: every first-parent commit of this branch is a deployment. */
  deployBranch?: string;
  /** How far before the first deployment its commits are linked (git.backfillHorizonDays). */
  horizonDays: number;
  /** When the facts are collected (tests pin it). */
  now?: Date;
  batchSize?: number;
  factFileGlobs?: readonly string[];
  /** How many deployments there are to read (called once, before reading) and how far it got. */
  onPlan?: (plan: { deployments: number }) => void;
  onProgress?: (progress: { deployments: number; commits: number }) => void | Promise<void>;
};

export type IngestGitResult = {
  service: string;
  repository: string;
  mode: 'tag' | 'branch';
  /** The tag glob or branch name. */
  ref: string;
  /** Deployments the repository has (tags matched, or first-parent commits read in branch mode). */
  deploymentsSeen: number;
  /** Tags that match but point at no commit (a tree or a blob). */
  skippedTags: string[];
  written: StoredGitDeployments;
  facts: { paths: number; files: number; catalog: 'ok' | 'error' | 'absent'; catalogError: string | null; changed: number };
};

const CATALOG_FILES = ['catalog-info.yaml', 'catalog-info.yml'];

type DeploymentSource =
  | { mode: 'tag'; ref: string; tags: Awaited<ReturnType<typeof collectGitTags>> }
  | { mode: 'branch'; ref: string; tip: string };

/** Checks the deployment source before anything is written: bad input must leave the database untouched. */
const resolveDeploymentSource = async (repository: GitRepository, path: string, deployTags: string | undefined, deployBranch: string | undefined): Promise<DeploymentSource> => {
  if (deployBranch !== undefined) {
    for (const ref of [`refs/heads/${deployBranch}`, `refs/remotes/origin/${deployBranch}`]) {
      const tip = (await runGit(repository.path, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]).catch(() => '')).trim();
      if (tip) return { mode: 'branch', ref: deployBranch, tip };
    }
    const branches = (await runGit(repository.path, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])).split('\n').filter(Boolean);
    throw new AppError('USAGE', `--deploy-branch: ${path} has no branch "${deployBranch}"${branches.length ? ` (branches: ${branches.slice(0, 10).join(', ')})` : ''}`);
  }
  const glob = deployTags ?? DEFAULT_DEPLOY_TAGS;
  const tags = await collectGitTags(repository.path, glob);
  if (tags.tags.length === 0) {
    const what = tags.total === 0 ? 'has no tags' : `has ${tags.total} tag${tags.total === 1 ? '' : 's'}, none matching${tags.skipped.length ? ` a commit (${tags.skipped.length} match but point at a tree or blob)` : ''}`;
    throw new AppError('USAGE', `--deploy-tags "${glob}" matches no tag: ${path} ${what}. Pass --deploy-tags GLOB, or --deploy-branch BRANCH if every merge is deployed`);
  }
  return { mode: 'tag', ref: glob, tags };
};

const readCatalog = (files: Record<string, string>): CatalogInfo | null => {
  const path = CATALOG_FILES.find((candidate) => candidate in files);
  return path ? normalizeCatalogInfo(files[path]!, path) : null;
};

/**
 * Ingests a local git repository: its facts (tree and catalog at HEAD of the default branch) and its deployments
 * (tags, or first-parent commits of a branch) with the commits each carried. Incremental and resumable: only new
 * deployments are read, in batches that each commit on their own.
 */
export const ingestGitRepository = async (options: IngestGitRepositoryOptions): Promise<IngestGitResult> => {
  const { db, path, horizonDays, now = new Date(), batchSize, factFileGlobs = getGitFactFileGlobs() } = options;
  if (options.deployTags !== undefined && options.deployBranch !== undefined) {
    throw new AppError('USAGE', '--deploy-tags and --deploy-branch exclude each other: choose how this repository deploys');
  }
  const repository = await openGitRepository(path);
  const tree = await collectGitTree(repository.path, repository.headSha, factFileGlobs);
  const catalog = readCatalog(tree.files);
  const service = options.service ?? (catalog?.status === 'ok' ? catalog.entity.metadata.name : repository.folderName);
  const source = await resolveDeploymentSource(repository, path, options.deployTags, options.deployBranch);

  return withSpan('waymark.ingest_git', { 'waymark.service': service, 'waymark.mode': source.mode }, async () => {
    const runId = await startIngestRun(db, { job: 'git', source: 'git', scope: service });
    try {
      const facts = await db.transaction(async (tx) => {
        await upsertServices(tx, [normalizeGitService(service, repository.location, catalog)]);
        const observations = normalizeGitFacts({ service, defaultBranch: repository.defaultBranch, headSha: repository.headSha, tree, catalog, collectedAt: now });
        return recordFacts(tx, observations);
      });

      let deployments: AsyncIterable<CollectedGitDeployment>;
      let deploymentsSeen: number;
      let inBatch: ((tx: Parameters<typeof recordGitBranchCursor>[0], last: CollectedGitDeployment) => Promise<void>) | undefined;
      if (source.mode === 'tag') {
        const { planned, total } = planGitTagDeployments(source.tags.tags, await getProcessedGitTags(db, service), horizonDays);
        options.onPlan?.({ deployments: planned.length });
        deployments = collectGitTagDeployments(repository.path, planned);
        deploymentsSeen = total;
      } else {
        const cursor = await getGitBranchCursor(db, service, source.ref);
        const range = cursor ? `${cursor.sha}..${source.tip}` : source.tip;
        const count = Number((await runGit(repository.path, ['rev-list', '--count', '--first-parent', range])).trim());
        options.onPlan?.({ deployments: count });
        deployments = collectGitBranchDeployments(repository.path, source.ref, source.tip, cursor?.sha ?? null, horizonDays);
        deploymentsSeen = count;
        inBatch = (tx, last) => recordGitBranchCursor(tx, service, source.ref, { sha: last.payload.sha, deployedAt: last.payload.deployedAt });
      }
      const written = await storeGitDeployments({ db, service, deployments, batchSize, inBatch, afterBatch: options.onProgress });
      // Scorecards must see the new facts and deployments: `await evaluateScorecards({ db })` (lib/scorecard) goes here.

      const result: IngestGitResult = {
        service,
        repository: repository.location,
        mode: source.mode,
        ref: source.ref,
        deploymentsSeen,
        skippedTags: source.mode === 'tag' ? source.tags.skipped : [],
        written,
        facts: {
          paths: tree.paths.length,
          files: Object.keys(tree.files).length,
          catalog: catalog ? catalog.status : 'absent',
          catalogError: catalog?.status === 'error' ? catalog.error : null,
          changed: facts.changed,
        },
      };
      await finishIngestRun(db, runId, {
        status: 'success',
        counts: { deployments: written.deployments, inserted: written.inserted, updated: written.updated, unchanged: written.unchanged, commits: written.commits, factsChanged: facts.changed },
      });
      return result;
    } catch (error) {
      await finishIngestRun(db, runId, { status: 'failed', error: isAppError(error) ? error.message : describeError(error) }).catch(() => {});
      throw error;
    }
  });
};

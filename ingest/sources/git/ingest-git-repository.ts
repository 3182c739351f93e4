import type { Db } from '../../../lib/db/client';
import { describeCatalogService } from '../../../lib/domain/normalize-catalog-info';
import { recordFacts } from '../../../lib/domain/record-facts';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { describeError, isAppError } from '../../../lib/errors';
import { withSpan } from '../../../lib/observability/trace';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { collectGitBranchDeployments } from './collect-git-branch-deployments';
import { collectGitTagDeployments } from './collect-git-tag-deployments';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { getGitBranchCursor } from './get-git-branch-cursor';
import { getProcessedGitTags } from './get-processed-git-tags';
import { inspectGitRepository, type GitInspection, type InspectGitRepositoryOptions } from './inspect-git-repository';
import { normalizeGitFacts } from './normalize-git-facts';
import { planGitTagDeployments } from './plan-git-tag-deployments';
import { recordGitBranchCursor } from './record-git-branch-cursor';
import { runGit } from './run-git';
import { storeGitDeployments, type StoredGitDeployments } from './store-git-deployments';

export type IngestGitRepositoryOptions = InspectGitRepositoryOptions & {
  db: Db;
  /** What inspectGitRepository found, when the caller checked the repository first. */
  inspection?: GitInspection;
  /** How far before the first deployment its commits are linked (git.backfillHorizonDays). */
  horizonDays: number;
  /** When the facts are collected (tests pin it). */
  now?: Date;
  batchSize?: number;
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
  /** A monorepo service's own paths, or null: the whole repository. */
  paths: readonly string[] | null;
  /** Deployments the repository has (tags matched, or first-parent commits read in branch mode). */
  deploymentsSeen: number;
  /** Tags that match but point at no commit (a tree or a blob). */
  skippedTags: string[];
  /** Tag mode: every tag of the repository, and how many the rule did not match, with the first such name. */
  tags: { total: number; unmatched: number; unmatchedExample: string | null } | null;
  written: StoredGitDeployments;
  facts: { paths: number; files: number; catalog: 'ok' | 'error' | 'absent'; catalogError: string | null; changed: number };
};

/**
 * Ingests a local git repository: its facts (tree and catalog at HEAD of the default branch) and its deployments
 * (tags, or first-parent commits of a branch) with the commits each carried. Incremental and resumable: only new
 * deployments are read, in batches that each commit on their own. One pipeline run (`runIngest`): it records the run
 * and settles the service once its rows are committed.
 */
export const ingestGitRepository = async (options: IngestGitRepositoryOptions): Promise<IngestGitResult> => {
  const { db, horizonDays, now = new Date(), batchSize } = options;
  const { repository, tree, catalog, service, source, paths } = options.inspection ?? (await inspectGitRepository(options));

  return withSpan('waymark.ingest_git', { 'waymark.service': service, 'waymark.mode': source.mode }, async () => {
    const describeFailure = (error: unknown) => (isAppError(error) ? error.message : describeError(error));
    return runIngest({ db, job: 'git', source: 'git', scope: service, describeFailure }, async (run) => {
      const facts = await db.transaction(async (tx) => {
        await upsertServices(tx, [describeCatalogService({ name: service, repository: repository.location, source: 'git', sourceId: repository.location }, catalog)]);
        const observations = normalizeGitFacts({ service, defaultBranch: repository.defaultBranch, headSha: repository.headSha, tree, catalog, collectedAt: now });
        return recordFacts(tx, observations);
      });

      let deployments: AsyncIterable<CollectedGitDeployment>;
      let deploymentsSeen: number;
      let inBatch: ((tx: Parameters<typeof recordGitBranchCursor>[0], last: CollectedGitDeployment) => Promise<void>) | undefined;
      if (source.mode === 'tag') {
        const { planned, total } = planGitTagDeployments(source.tags.tags, await getProcessedGitTags(db, service), horizonDays);
        options.onPlan?.({ deployments: planned.length });
        deployments = collectGitTagDeployments(repository.path, planned, { paths });
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
      run.touch([service]);

      const result: IngestGitResult = {
        service,
        repository: repository.location,
        mode: source.mode,
        ref: source.ref,
        paths,
        deploymentsSeen,
        skippedTags: source.mode === 'tag' ? source.tags.skipped : [],
        tags: source.mode === 'tag' ? { total: source.tags.total, unmatched: source.tags.unmatched.count, unmatchedExample: source.tags.unmatched.example } : null,
        written,
        facts: {
          paths: tree.paths.length,
          files: Object.keys(tree.files).length,
          catalog: catalog ? catalog.status : 'absent',
          catalogError: catalog?.status === 'error' ? catalog.error : null,
          changed: facts.changed,
        },
      };
      return {
        result,
        counts: {
          deployments: written.deployments,
          inserted: written.inserted,
          updated: written.updated,
          unchanged: written.unchanged,
          commits: written.commits,
          factsChanged: facts.changed,
          // What was skipped, so the ingest page says it too (the CLI summary words it).
          ...(result.tags ? { tags: result.tags.total, 'tags not matching': result.tags.unmatched, 'tags not on a commit': result.skippedTags.length } : {}),
          'deployments carrying no new commit': written.empty,
        },
      };
    });
  });
};

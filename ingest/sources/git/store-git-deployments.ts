import type { Db, Executor } from '../../../lib/db/client';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import type { GitCommit } from './collect-git-commits';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { normalizeGitDeployment } from './normalize-git-deployment';

export type StoreGitDeploymentsOptions = {
  db: Db;
  service: string;
  deployments: AsyncIterable<CollectedGitDeployment>;
  /** Deployments per transaction; a batch also closes early once it holds `maxBatchCommits` commits. */
  batchSize?: number;
  maxBatchCommits?: number;
  /** Runs inside each batch's transaction with the batch's last deployment (moves a cursor with the rows). */
  inBatch?: (tx: Executor, last: CollectedGitDeployment) => Promise<void>;
  /** Called after each batch committed (progress; tests use it to stop a run half-way). */
  afterBatch?: (progress: { deployments: number; commits: number }) => void | Promise<void>;
};

export type StoredGitDeployments = {
  deployments: number;
  inserted: number;
  updated: number;
  unchanged: number;
  commits: number;
  /** Deployments that carried no commit (re-tags, late tags of shipped commits, rollbacks, or before the horizon). */
  empty: number;
};

/**
 * Writes collected deployments in batches, each in its own transaction: the raw `tag`/`branch_commit` and `commit`
 * payloads first, then the normalized deployments and changes. Batches follow deployment order, so a run killed
 * half-way leaves whole deployments behind, and rewriting one that is already stored changes nothing.
 */
export const storeGitDeployments = async ({ db, service, deployments, batchSize = 200, maxBatchCommits = 20_000, inBatch, afterBatch }: StoreGitDeploymentsOptions) => {
  const totals: StoredGitDeployments = { deployments: 0, inserted: 0, updated: 0, unchanged: 0, commits: 0, empty: 0 };
  let batch: CollectedGitDeployment[] = [];
  let batchCommits = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchCommits = 0;
    await db.transaction(async (tx) => {
      const commits = new Map<string, GitCommit>();
      for (const item of items) for (const commit of item.commits) commits.set(commit.sha, commit);
      const raw: RawPayloadInput[] = items.map(({ payload }) => ({
        source: 'git',
        kind: payload.mode === 'tag' ? 'tag' : 'branch_commit',
        sourceId: `${service}@${payload.name}`,
        scope: service,
        payload,
      }));
      for (const commit of commits.values()) raw.push({ source: 'git', kind: 'commit', sourceId: `${service}@${commit.sha}`, scope: service, payload: commit });
      await storeRawPayloads(tx, raw);
      const written = await upsertDeployments(
        tx,
        items.map(({ payload }) => normalizeGitDeployment(service, payload, commits)),
      );
      await inBatch?.(tx, items.at(-1)!);
      totals.inserted += written.inserted.size;
      totals.updated += written.updated.size;
      totals.unchanged += items.length - written.inserted.size - written.updated.size;
    });
    totals.deployments += items.length;
    totals.commits += items.reduce((sum, item) => sum + item.commits.length, 0);
    totals.empty += items.filter((item) => item.commits.length === 0).length;
    await afterBatch?.({ deployments: totals.deployments, commits: totals.commits });
  };

  for await (const item of deployments) {
    batch.push(item);
    batchCommits += item.commits.length;
    if (batch.length >= batchSize || batchCommits >= maxBatchCommits) await flush();
  }
  await flush();
  return totals;
};

import type { Db } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { createGithubClient, type GithubClientOptions } from './create-github-client';
import { createGithubTokenSource } from './create-github-token-source';
import { describeGithubError } from './describe-github-error';
import { GITHUB_SOURCE } from './github-ids';
import type { GithubSettings } from './github-settings';
import { listGithubRepositories } from './list-github-repositories';
import { syncRepository, type RepositoryOutcome } from './sync-repository';

export type SyncGithubOptions = {
  db: Db;
  client: GithubClientOptions;
  settings: GithubSettings;
  org?: string | null;
  repos?: string[];
  since?: Date | null;
  full?: boolean;
  now?: Date;
  /** Repositories synced at once in this process (each is independent). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; repository: string }) => void;
};

export type SyncGithubOutcome = {
  runId: string;
  repositories: RepositoryOutcome[];
  requests: number;
  conditional: number;
  notModified: number;
  rateLimitRemaining: number | null;
};

/**
 * Syncs an organization's (or the named) repositories in this process, each as an independent repository sync with
 * its own client and ingest_runs row under one parent run. A refused repository is recorded and skipped.
 */
export const syncGithub = async (options: SyncGithubOptions): Promise<SyncGithubOutcome> => {
  const { db } = options;
  const scope = options.repos && options.repos.length > 0 ? options.repos.join(',') : `org:${options.org}`;
  const describeFailure = (error: unknown) => (options.signal?.aborted ? 'stopped' : describeGithubError(error));
  return runIngest({ db, job: 'github.sync', source: GITHUB_SOURCE, scope, describeFailure }, async (run) => {
    const listClient = await createGithubClient(options.client);
    const tokens = createGithubTokenSource(options.client, listClient);
    const totals = { requests: 0, conditional: 0, notModified: 0, rateLimitRemaining: null as number | null };
    const add = (stats: typeof listClient.stats) => {
      totals.requests += stats.requests;
      totals.conditional += stats.conditional;
      totals.notModified += stats.notModified;
      totals.rateLimitRemaining = stats.rateLimitRemaining ?? totals.rateLimitRemaining;
      run.sofar.requestsUsed = totals.requests;
    };
    const outcomes: RepositoryOutcome[] = [];
    const repositories = await listGithubRepositories(db, listClient, { org: options.org, repos: options.repos }).catch((error: unknown) => {
      // Wrong credentials or an organization they cannot see: nothing can be synced, and the reason is configuration.
      throw new AppError('CONFIG_INVALID', `could not list the repositories of ${options.org}: ${describeGithubError(error)}`, { cause: error });
    });
    add(listClient.stats);
    let next = 0;
    const worker = async () => {
      while (next < repositories.length) {
        options.signal?.throwIfAborted();
        const fullName = repositories[next++]!;
        // Every repository gets its own counting client; a GitHub App's installation token is shared and refreshed.
        const client = await createGithubClient({ ...options.client, auth: await tokens() });
        const outcome = await syncRepository({ db, client, fullName, settings: options.settings, now: options.now, since: options.since, full: options.full, parent: run, signal: options.signal });
        add(client.stats);
        outcomes.push(outcome);
        options.onProgress?.({ done: outcomes.length, total: repositories.length, repository: fullName });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, repositories.length)) }, worker));
    const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
    const counts: Record<string, number> = { repositories: outcomes.length, failed };
    for (const outcome of outcomes) for (const [kind, count] of Object.entries(outcome.counts)) counts[kind] = (counts[kind] ?? 0) + count;
    outcomes.sort((a, b) => a.fullName.localeCompare(b.fullName));
    return {
      result: { runId: run.id!, repositories: outcomes, ...totals },
      status: failed === 0 ? 'success' : failed === outcomes.length ? 'failed' : 'partial',
      counts,
      error: failed > 0 ? `${failed} of ${outcomes.length} repositories failed: ${outcomes.filter((o) => o.error).map((o) => o.fullName).join(', ')}` : null,
      requestsUsed: totals.requests,
      rateLimitRemaining: totals.rateLimitRemaining,
    };
  });
};

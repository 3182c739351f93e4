import type { Db } from '../../../lib/db/client';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { log } from '../../../lib/observability/log';
import { withSpan } from '../../../lib/observability/trace';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { runIngest, type IngestRun } from '../../../lib/pipeline/run-ingest';
import type { GithubClient } from './create-github-client';
import { describeGithubError } from './describe-github-error';
import { fetchConditional } from './fetch-conditional';
import { GITHUB_SOURCE, serviceOf } from './github-ids';
import { parsePayload, ZRepository } from './github-payloads';
import { GITHUB_CURSOR_SOURCE, type GithubSettings, type RepositorySync } from './github-settings';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { linkDeploymentChanges } from './link-deployment-changes';
import { normalizeRepository } from './normalize-repository';
import { syncDeployments } from './sync-deployments';
import { syncFacts } from './sync-facts';
import { syncIncidents } from './sync-incidents';
import { syncPullRequests } from './sync-pull-requests';
import { syncWorkflowRuns } from './sync-workflow-runs';

export type SyncRepositoryOptions = {
  db: Db;
  client: GithubClient;
  fullName: string;
  settings: GithubSettings;
  now?: Date;
  since?: Date | null;
  full?: boolean;
  /** The organization sync this is part of (it settles), or a queued job's parent run id (this run settles). */
  parent?: IngestRun | string | null;
  signal?: AbortSignal;
};

export type RepositoryOutcome = {
  fullName: string;
  status: 'success' | 'failed';
  counts: Record<string, number>;
  requests: number;
  error: string | null;
};

/** The repository's description: fetched conditionally, or the stored one when GitHub says it did not change. */
const syncRepositoryRecord = async (sync: RepositorySync) => {
  const key = { source: GITHUB_CURSOR_SOURCE, scope: sync.fullName, kind: 'repository' };
  const stored = sync.full ? { etag: null } : await getIngestCursor(sync.db, key.source, key.scope, key.kind);
  const answer = await fetchConditional<unknown>(
    sync.client,
    'GET /repos/{owner}/{repo}',
    { owner: sync.owner, repo: sync.repo },
    stored.etag,
  );
  let payload: unknown;
  if (answer.notModified)
    payload = (
      await getRawPayloads(sync.db, { source: GITHUB_SOURCE, kind: 'repository', sourceIds: [sync.fullName] })
    )[0]?.payload;
  if (!payload)
    payload = answer.notModified
      ? (await sync.client.octokit.request('GET /repos/{owner}/{repo}', { owner: sync.owner, repo: sync.repo })).data
      : answer.data;
  const parsed = parsePayload(ZRepository, payload, 'repository');
  await sync.db.transaction(async (tx) => {
    await storeRawPayloads(tx, [
      {
        source: GITHUB_SOURCE,
        kind: 'repository',
        sourceId: sync.fullName,
        scope: sync.fullName,
        payload,
        error: parsed.ok ? null : parsed.error,
      },
    ]);
    if (parsed.ok) await upsertServices(tx, [normalizeRepository(parsed.value)]);
    if (!answer.notModified) await saveIngestCursor(tx, key, { cursor: {}, etag: answer.etag });
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/**
 * Syncs one repository, step by step (repository, facts, deployments, workflow runs, pull requests, linking,
 * incidents); each step commits its rows together with its cursor, so a stopped sync resumes where it was. The run is
 * recorded in ingest_runs with its counts, requests and the rate limit left; a repository GitHub refuses (404/403)
 * is recorded as failed and the error returned, never thrown, so the other repositories go on.
 */
export const syncRepository = async (options: SyncRepositoryOptions): Promise<RepositoryOutcome> => {
  const { db, client, fullName } = options;
  const [owner, repo] = fullName.split('/') as [string, string];
  const requestsBefore = client.stats.requests;
  const sync: RepositorySync = {
    db,
    client,
    fullName,
    owner,
    repo,
    service: serviceOf(fullName),
    settings: options.settings,
    now: options.now ?? new Date(),
    since: options.since ?? null,
    full: options.full ?? false,
    counts: {},
    checkStopped: () => options.signal?.throwIfAborted(),
  };
  const run = {
    db,
    job: 'github.sync-repository',
    source: GITHUB_SOURCE,
    scope: fullName,
    parent: options.parent ?? null,
    describeFailure: () => 'stopped before it finished',
  };
  return withSpan('waymark.github.sync_repository', { 'waymark.repository': fullName }, () =>
    runIngest(run, async (pipeline) => {
      pipeline.sofar.counts = sync.counts;
      try {
        const repository = await syncRepositoryRecord(sync);
        // Facts first: a monorepo's services, found in its tree, decide which service each deployment is.
        await syncFacts(sync, { defaultBranch: repository.default_branch ?? 'main' });
        const { usesDeploymentsApi } = await syncDeployments(sync);
        await syncWorkflowRuns(sync, { usesDeploymentsApi });
        await syncPullRequests(sync);
        await linkDeploymentChanges(sync);
        await syncIncidents(sync);
        pipeline.touch([sync.service]);
        const requests = client.stats.requests - requestsBefore;
        const result: RepositoryOutcome = { fullName, status: 'success', counts: sync.counts, requests, error: null };
        return {
          result,
          counts: sync.counts,
          requestsUsed: requests,
          rateLimitRemaining: client.stats.rateLimitRemaining,
        };
      } catch (error) {
        const requests = client.stats.requests - requestsBefore;
        // Stopped, not broken: what was committed stays, and the next run resumes from the cursors.
        pipeline.sofar.requestsUsed = requests;
        if (options.signal?.aborted) throw error;
        const message = describeGithubError(error);
        log.warn('GitHub repository sync failed', { repository: fullName, error: message });
        const result: RepositoryOutcome = { fullName, status: 'failed', counts: sync.counts, requests, error: message };
        return {
          result,
          status: 'failed',
          counts: sync.counts,
          error: message,
          requestsUsed: requests,
          rateLimitRemaining: client.stats.rateLimitRemaining,
        };
      }
    }),
  );
};

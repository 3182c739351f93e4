import type { Db } from '../../../lib/db/client';
import { log } from '../../../lib/observability/log';
import { runIngest, type IngestRun } from '../../../lib/pipeline/run-ingest';
import type { GitlabClient } from './create-gitlab-client';
import {
  collectGitlabDeployments,
  collectGitlabIncidents,
  collectGitlabMergeRequestCommits,
  collectGitlabMergeRequestNotes,
  collectGitlabMergeRequests,
  collectGitlabPipelines,
} from './collect-gitlab-records';
import { GITLAB_SOURCE, serviceOfProject } from './gitlab-ids';
import type { GitlabProject } from './gitlab-payloads';
import type { GitlabSettings, ProjectSync } from './gitlab-settings';
import { linkGitlabDeployments } from './link-gitlab-deployments';
import { syncGitlabCatalog } from './sync-gitlab-catalog';
import { syncGitlabFacts } from './sync-gitlab-facts';
import { syncGitlabListing } from './sync-gitlab-listing';
import {
  upsertGitlabDeployments,
  upsertGitlabIncidents,
  upsertGitlabMergeRequests,
  upsertGitlabPipelines,
  type MergeRequestItem,
} from './upsert-gitlab-records';

export type SyncGitlabProjectOptions = {
  db: Db;
  client: GitlabClient;
  project: GitlabProject;
  settings: GitlabSettings;
  full?: boolean;
  /** The group sync this is part of (it settles), or a queued job's parent run id. */
  parent?: IngestRun | string | null;
  signal?: AbortSignal;
};

export type ProjectOutcome = {
  path: string;
  status: 'success' | 'failed';
  counts: Record<string, number>;
  requests: number;
  error: string | null;
};

const updatedAt = (item: unknown) => (item as { updated_at?: unknown } | null)?.updated_at;

/** The steps of one project, each committing its rows with its cursor. */
const syncSteps = async (sync: ProjectSync) => {
  const { client, project, settings } = sync;
  await syncGitlabCatalog(sync);
  await syncGitlabFacts(sync);
  await syncGitlabListing(sync, {
    kind: 'deployments',
    collect: (after) => collectGitlabDeployments(client, project.id, after, settings.perPage),
    write: (tx, items) => upsertGitlabDeployments(tx, sync.path, items),
    updatedAt,
  });
  await syncGitlabListing(sync, {
    kind: 'mergeRequests',
    collect: async (after) => {
      const items: MergeRequestItem[] = [];
      for (const mergeRequest of await collectGitlabMergeRequests(client, project.id, after, settings.perPage)) {
        sync.checkStopped();
        const iid = (mergeRequest as { iid?: unknown }).iid;
        if (typeof iid !== 'number') items.push({ mergeRequest, commits: null });
        else {
          const commits = await collectGitlabMergeRequestCommits(client, project.id, iid, settings.perPage);
          items.push({
            mergeRequest,
            commits,
            notes: await collectGitlabMergeRequestNotes(client, project.id, iid, settings.perPage),
          });
        }
      }
      return items;
    },
    write: (tx, items) => upsertGitlabMergeRequests(tx, sync.path, items),
    updatedAt: (item) => updatedAt(item.mergeRequest),
  });
  await syncGitlabListing(sync, {
    kind: 'pipelineRuns',
    collect: (after) => collectGitlabPipelines(client, project.id, after, settings.perPage),
    write: (tx, items) => upsertGitlabPipelines(tx, sync.path, items),
    updatedAt,
  });
  await syncGitlabListing(sync, {
    kind: 'incidents',
    collect: (after) => collectGitlabIncidents(client, project.id, after, settings.incidentLabel, settings.perPage),
    write: (tx, items) => upsertGitlabIncidents(tx, sync.path, items, settings.incidentLabel),
    updatedAt,
  });
  await linkGitlabDeployments({ ...sync, projectId: project.id });
};

/**
 * Syncs one project (service and catalog, deployments, merged merge requests with their commits, pipelines,
 * incidents, then commit links) as its own ingest run. A project GitLab refuses (403, 404) or that fails is recorded
 * as failed and returned, never thrown, so the other projects go on; a stop is thrown, keeping what was committed.
 */
export const syncGitlabProject = async (options: SyncGitlabProjectOptions): Promise<ProjectOutcome> => {
  const { db, client, project } = options;
  const path = project.path_with_namespace;
  const before = client.stats.requests;
  const sync: ProjectSync = {
    db,
    client,
    project,
    path,
    service: serviceOfProject(path),
    settings: options.settings,
    full: options.full ?? false,
    counts: {},
    checkStopped: () => options.signal?.throwIfAborted(),
  };
  const run = {
    db,
    job: 'gitlab.sync-project',
    source: GITLAB_SOURCE,
    scope: path,
    parent: options.parent ?? null,
    describeFailure: () => 'stopped before it finished',
  };
  return runIngest(run, async (pipeline) => {
    pipeline.sofar.counts = sync.counts;
    try {
      await syncSteps(sync);
      pipeline.touch([sync.service]);
      const requests = client.stats.requests - before;
      return {
        result: { path, status: 'success' as const, counts: sync.counts, requests, error: null },
        counts: sync.counts,
        requestsUsed: requests,
        rateLimitRemaining: client.stats.rateLimitRemaining,
      };
    } catch (error) {
      const requests = client.stats.requests - before;
      pipeline.sofar.requestsUsed = requests;
      if (options.signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      log.warn('GitLab project sync failed', { project: path, error: message });
      pipeline.touch([sync.service]);
      const result: ProjectOutcome = { path, status: 'failed', counts: sync.counts, requests, error: message };
      return {
        result,
        status: 'failed',
        counts: sync.counts,
        error: message,
        requestsUsed: requests,
        rateLimitRemaining: client.stats.rateLimitRemaining,
      };
    }
  });
};

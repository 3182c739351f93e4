import type { Db } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { collectGitlabProjects } from './collect-gitlab-projects';
import { createGitlabClient, type GitlabClientOptions, type GitlabStats } from './create-gitlab-client';
import { GITLAB_SOURCE } from './gitlab-ids';
import { parseGitlabPayload, ZGitlabProject, type GitlabProject } from './gitlab-payloads';
import type { GitlabSettings } from './gitlab-settings';
import { syncGitlabProject, type ProjectOutcome } from './sync-gitlab-project';

export type SyncGitlabOptions = {
  db: Db;
  client: GitlabClientOptions;
  settings: GitlabSettings;
  group?: string | null;
  projects?: string[];
  full?: boolean;
  /** Projects synced at once in this process (each is independent). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; project: string }) => void;
};

export type SyncGitlabOutcome = { runId: string; projects: ProjectOutcome[] } & GitlabStats;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Syncs a group's projects (with its subgroups') or the listed ones, each as its own project run under one parent
 * run that settles once. Projects that cannot be listed at all (bad URL, token or group) stop the sync as a
 * configuration error before anything is stored; a project that fails later is recorded and skipped.
 */
export const syncGitlab = async (options: SyncGitlabOptions): Promise<SyncGitlabOutcome> => {
  const { db } = options;
  const scope = options.projects && options.projects.length > 0 ? options.projects.join(',') : `group:${options.group}`;
  const describeFailure = (error: unknown) => (options.signal?.aborted ? 'stopped' : describe(error));
  const limiter = { pausedUntil: 0 };
  const client = createGitlabClient({ ...options.client, signal: options.signal, limiter });
  // Listed before the run starts: bad configuration (unreachable URL, token without scope, unknown group) stops
  // here with one message, and nothing is stored, not even a run record. The CLI exits 2.
  const listed = await collectGitlabProjects(
    client,
    { group: options.group, projects: options.projects },
    options.settings.perPage,
  ).catch((error: unknown) => {
    if (options.signal?.aborted) throw error;
    throw new AppError(
      'VALIDATION_FAILED',
      `could not list the GitLab projects of ${scope} at ${options.client.baseUrl}: ${describe(error)}`,
      { cause: error },
    );
  });
  const projects: GitlabProject[] = [];
  for (const payload of listed) {
    const parsed = parseGitlabPayload(ZGitlabProject, payload, 'project');
    if (!parsed.ok)
      throw new AppError('VALIDATION_FAILED', `GitLab listed a project Waymark cannot read: ${parsed.error}`);
    if (!parsed.value.archived) projects.push(parsed.value);
  }
  return runIngest({ db, job: 'gitlab.sync', source: GITLAB_SOURCE, scope, describeFailure }, async (run) => {
    const totals: GitlabStats = { ...client.stats };
    const add = (stats: GitlabStats) => {
      for (const key of ['requests', 'conditional', 'notModified', 'retried'] as const) totals[key] += stats[key];
      totals.rateLimitRemaining = stats.rateLimitRemaining ?? totals.rateLimitRemaining;
      run.sofar.requestsUsed = totals.requests;
    };
    run.sofar.requestsUsed = totals.requests;
    const outcomes: ProjectOutcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < projects.length) {
        options.signal?.throwIfAborted();
        const project = projects[next++]!;
        // A client per project: its requests are counted on its own run record.
        const projectClient = createGitlabClient({ ...options.client, signal: options.signal, limiter });
        try {
          outcomes.push(
            await syncGitlabProject({
              db,
              client: projectClient,
              project,
              settings: options.settings,
              full: options.full,
              parent: run,
              signal: options.signal,
            }),
          );
        } finally {
          add(projectClient.stats);
        }
        options.onProgress?.({ done: outcomes.length, total: projects.length, project: project.path_with_namespace });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, projects.length)) }, worker));
    outcomes.sort((a, b) => a.path.localeCompare(b.path));
    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    const counts: Record<string, number> = { projects: outcomes.length, failed: failed.length };
    for (const outcome of outcomes)
      for (const [kind, count] of Object.entries(outcome.counts)) counts[kind] = (counts[kind] ?? 0) + count;
    return {
      result: { runId: run.id!, projects: outcomes, ...totals },
      status: failed.length === 0 ? 'success' : failed.length === outcomes.length ? 'failed' : 'partial',
      counts,
      error:
        failed.length > 0
          ? `${failed.length} of ${outcomes.length} projects failed: ${failed.map((o) => o.path).join(', ')}`
          : null,
      requestsUsed: totals.requests,
      rateLimitRemaining: totals.rateLimitRemaining,
    };
  });
};

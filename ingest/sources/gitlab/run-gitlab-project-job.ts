import type { Db } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors';
import { createGitlabClient, type GitlabClientOptions } from './create-gitlab-client';
import { parseGitlabPayload, ZGitlabProject } from './gitlab-payloads';
import type { GitlabSettings } from './gitlab-settings';
import { syncGitlabProject, type ProjectOutcome } from './sync-gitlab-project';

export type GitlabProjectJob = { project: string; full?: boolean; parentRunId?: string | null };

/**
 * One project's sync as a queued job (`gitlab-sync-project`, keyed by the project, so two workers never sync it at
 * once): the project is read, then synced as its own run, which settles its service. Cursors make a retried or
 * repeated job cheap and idempotent.
 */
export const runGitlabProjectJob = async (
  context: { db: Db; client: GitlabClientOptions; settings: GitlabSettings },
  job: GitlabProjectJob,
): Promise<ProjectOutcome> => {
  const client = createGitlabClient(context.client);
  const parsed = parseGitlabPayload(ZGitlabProject, await client.api.Projects.show(job.project), 'project');
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', `GitLab project ${job.project}: ${parsed.error}`);
  return syncGitlabProject({
    db: context.db,
    client,
    project: parsed.value,
    settings: context.settings,
    full: job.full,
    parent: job.parentRunId ?? null,
  });
};

import type { DeploymentRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, gitlabIds, serviceOfProject } from './gitlab-ids';
import type { GitlabDeployment } from './gitlab-payloads';

/** GitLab's deployment statuses (created, running, success, failed, canceled, skipped, blocked) in ours. */
const STATUS: Record<string, DeploymentRow['status']> = {
  success: 'success',
  failed: 'failure',
  canceled: 'cancelled',
  skipped: 'cancelled',
};

/**
 * A deployment to one environment. It counts from `finished_at` (set when it succeeds or fails); a deployment
 * that ended without it (older GitLab versions) ends at its last update. created, running and blocked are in progress.
 */
export const normalizeGitlabDeployment = (project: string, deployment: GitlabDeployment): DeploymentRow => {
  const status = STATUS[deployment.status] ?? 'in_progress';
  const sourceId = gitlabIds.deployment(project, deployment.id);
  return {
    id: gitlabIds.deploymentId(project, deployment.id),
    source: GITLAB_SOURCE,
    sourceId,
    url: deployment.deployable?.web_url ?? null,
    service: serviceOfProject(project),
    environment: deployment.environment.name,
    status,
    commitSha: deployment.sha.toLowerCase(),
    startedAt: deployment.created_at,
    finishedAt: status === 'in_progress' ? null : (deployment.finished_at ?? deployment.updated_at),
    rollbackOf: null,
    reason: null,
  };
};

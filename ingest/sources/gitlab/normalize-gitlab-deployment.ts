import type { MonorepoService } from '../../../lib/domain/monorepo-service';
import { nameDeploymentService } from '../../../lib/domain/name-deployment-service';
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
 * In a monorepo, a deployment naming one of its services (environment such as `checkout-production` or the folder
 * environment `production/checkout`, or a release tag ref such as `checkout@1.4.0`) is that service's, with the
 * environment its name leaves; one naming none stays the project's, as in any project.
 */
export const normalizeGitlabDeployment = (
  project: string,
  deployment: GitlabDeployment,
  monorepo: readonly MonorepoService[] = [],
): DeploymentRow => {
  const status = STATUS[deployment.status] ?? 'in_progress';
  const sourceId = gitlabIds.deployment(project, deployment.id);
  const named =
    monorepo.length > 0
      ? nameDeploymentService(monorepo, { environment: deployment.environment.name, ref: deployment.ref })
      : null;
  return {
    id: gitlabIds.deploymentId(project, deployment.id),
    source: GITLAB_SOURCE,
    sourceId,
    url: deployment.deployable?.web_url ?? null,
    service: named?.service ?? serviceOfProject(project),
    environment: named?.environment ?? deployment.environment.name,
    status,
    commitSha: deployment.sha.toLowerCase(),
    startedAt: deployment.created_at,
    finishedAt: status === 'in_progress' ? null : (deployment.finished_at ?? deployment.updated_at),
    rollbackOf: null,
    reason: null,
  };
};

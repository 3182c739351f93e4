import type { MonorepoService } from '../../../lib/domain/monorepo-service';
import { nameDeploymentService } from '../../../lib/domain/name-deployment-service';
import type { DeploymentRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import type { GithubDeployment, GithubDeploymentStatus } from './github-payloads';

const FAILED = new Set(['failure', 'error']);
const RUNNING = new Set(['pending', 'queued', 'in_progress']);

const byTime = (a: GithubDeploymentStatus, b: GithubDeploymentStatus) =>
  a.created_at.getTime() - b.created_at.getTime() || a.id - b.id;

/**
 * A Deployments API deployment with every status seen so far (from one REST listing or accumulated webhook
 * deliveries: the result is the same). Its time is the first `success` status, never a later `inactive`, which
 * GitHub adds when a newer deployment supersedes it; a deployment whose latest status is failure or error failed.
 * In a monorepo, a deployment naming one of its services (environment or release tag) is that service's, with the
 * environment its name leaves; one naming none stays the repository's, as in any repository.
 */
export const normalizeDeployment = (
  fullName: string,
  deployment: GithubDeployment,
  statuses: GithubDeploymentStatus[],
  monorepo: readonly MonorepoService[] = [],
): DeploymentRow => {
  const ordered = [...statuses].sort(byTime);
  const latest = ordered.at(-1);
  const firstSuccess = ordered.find((status) => status.state === 'success');
  let status: DeploymentRow['status'] = 'in_progress';
  let finishedAt: Date | null = null;
  if (latest && FAILED.has(latest.state)) {
    status = 'failure';
    finishedAt = latest.created_at;
  } else if (firstSuccess) {
    status = 'success';
    finishedAt = firstSuccess.created_at;
  } else if (latest && !RUNNING.has(latest.state)) {
    // inactive (superseded) or an unknown state without ever succeeding: it did not ship.
    status = 'cancelled';
    finishedAt = latest.created_at;
  }
  const link = [...ordered].reverse().find((entry) => entry.log_url || entry.target_url);
  const sourceId = githubIds.deployment(fullName, deployment.id);
  const named = monorepo.length > 0 ? nameDeploymentService(monorepo, deployment) : null;
  return {
    id: githubIds.deploymentId(sourceId),
    source: GITHUB_SOURCE,
    sourceId,
    url: link?.log_url || link?.target_url || null,
    service: named?.service ?? serviceOf(fullName),
    environment: named?.environment ?? deployment.environment,
    status,
    commitSha: deployment.sha.toLowerCase(),
    startedAt: deployment.created_at,
    finishedAt,
    rollbackOf: null,
    reason: null,
  };
};

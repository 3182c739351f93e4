import { makeChangeId } from '../../../lib/domain/ids';
import type { ChangeRow } from '../../../lib/domain/types';
import type { DeploymentWithChanges } from '../../../lib/domain/upsert-deployments';
import type { GitCommit } from './collect-git-commits';
import type { GitDeploymentPayload } from './git-deployment-payload';
import { makeGitDeploymentId } from './make-git-deployment-id';

const SOURCE = 'git';

/**
 * Maps a stored git deployment and its commits to domain rows. Pure. A deployment whose range is empty although it
 * points at another commit than the previous one deploys an ancestor of it: a rollback of the previous deployment.
 */
export const normalizeGitDeployment = (service: string, payload: GitDeploymentPayload, commits: ReadonlyMap<string, GitCommit>): DeploymentWithChanges => {
  const isRollback = payload.previous !== null && payload.commits.length === 0 && payload.sha !== payload.previous.sha;
  const changes = payload.commits.map((sha): ChangeRow => {
    const commit = commits.get(sha);
    if (!commit) throw new Error(`commit ${sha} of ${payload.name} is missing from the collected commits`);
    return {
      id: makeChangeId(SOURCE, service, sha),
      source: SOURCE,
      sourceId: `${service}@${sha}`,
      url: null,
      service,
      sha,
      authoredAt: new Date(commit.authoredAt),
      committedAt: new Date(commit.committedAt),
      author: commit.author || null,
      title: commit.subject || null,
      pullRequestId: null,
    };
  });
  return {
    deployment: {
      id: makeGitDeploymentId(service, payload.name),
      source: SOURCE,
      sourceId: `${service}@${payload.name}`,
      url: null,
      service,
      environment: 'production',
      status: 'success',
      commitSha: payload.sha,
      startedAt: null,
      finishedAt: new Date(payload.deployedAt),
      rollbackOf: isRollback ? makeGitDeploymentId(service, payload.previous!.name) : null,
      reason: isRollback ? 'rollback' : null,
    },
    changes,
  };
};

import { makeChangeId } from '../../../lib/domain/ids';
import { compareReleaseVersions, parseReleaseVersion } from '../../../lib/domain/release-version';
import type { ChangeRow } from '../../../lib/domain/types';
import type { DeploymentWithChanges } from '../../../lib/domain/upsert-deployments';
import type { GitCommit } from './collect-git-commits';
import type { GitDeploymentPayload } from './git-deployment-payload';
import { makeGitDeploymentId } from './make-git-deployment-id';

const SOURCE = 'git';

// A lower version tagged after a higher one is a maintenance release of an older line (or a release tagged late),
// never a step back: `v5.0.1` tagged after `v5.1.0` ships the 5.0 line, it does not undo 5.1.0.
const isLowerVersion = (name: string, previous: string) => {
  const [version, before] = [parseReleaseVersion(name), parseReleaseVersion(previous)];
  return version !== null && before !== null && compareReleaseVersions(version, before) < 0;
};

/**
 * A rollback (METRICS.md, "Git deployments") deploys a commit that was already shipped and carries nothing new, going
 * back behind the previous deployment: not a re-tag of the previous deployment's own commit, not a commit on another
 * line, and not a lower version (a maintenance release). It marks the previous deployment failed.
 */
const isGitRollback = (payload: GitDeploymentPayload) =>
  payload.previous !== null &&
  payload.commits.length === 0 &&
  payload.sha !== payload.previous.sha &&
  payload.behindPrevious !== false &&
  !isLowerVersion(payload.name, payload.previous.name);

/** Maps a stored git deployment and its commits to domain rows. Pure. */
export const normalizeGitDeployment = (service: string, payload: GitDeploymentPayload, commits: ReadonlyMap<string, GitCommit>): DeploymentWithChanges => {
  const isRollback = isGitRollback(payload);
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

import type { ChangeRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, githubIds } from './github-ids';
import type { GithubCommit } from './github-payloads';

export type DeploymentChangesInput = {
  fullName: string;
  service: string;
  /** The commits the deployment shipped: compare(previous deployment's sha…this sha), or the horizon's commits. */
  deployed: GithubCommit[];
  /** Which pull request each deployed commit came from (merge, squash or rebased copy), when it came from one. */
  pullRequestBySha: Map<string, number>;
  /** Each such pull request's own commits. */
  pullRequestCommits: Map<number, GithubCommit[]>;
  /** For the first deployment seen: only commits authored from this time on are linked. */
  horizonStart: Date | null;
};

const toChange = (input: DeploymentChangesInput, commit: GithubCommit, pullRequest: number | null): ChangeRow | null => {
  const authoredAt = commit.commit.author?.date ?? commit.commit.committer?.date;
  if (!authoredAt) return null;
  const sha = commit.sha.toLowerCase();
  return {
    id: githubIds.changeId(input.service, sha),
    source: GITHUB_SOURCE,
    sourceId: `${input.service}@${sha}`,
    url: commit.html_url ?? null,
    service: input.service,
    sha,
    authoredAt,
    committedAt: commit.commit.committer?.date ?? null,
    author: commit.author?.login ?? commit.commit.author?.name ?? null,
    title: commit.commit.message?.split('\n')[0] ?? null,
    pullRequestId: pullRequest === null ? null : githubIds.pullRequestId(input.fullName, pullRequest),
  };
};

/**
 * The changes a deployment carried. A deployed commit that came from a pull request stands for that pull request's
 * own commits (with their author times), so squash and rebase merges keep the coding time; other commits stand for
 * themselves. Pure: the same inputs always give the same rows.
 */
export const normalizeDeploymentChanges = (input: DeploymentChangesInput): ChangeRow[] => {
  const changes = new Map<string, ChangeRow>();
  const add = (commit: GithubCommit, pullRequest: number | null) => {
    const change = toChange(input, commit, pullRequest);
    if (!change || (input.horizonStart && change.authoredAt < input.horizonStart)) return;
    // A commit both deployed directly and listed by its pull request keeps the pull request link.
    if (!changes.has(change.sha) || pullRequest !== null) changes.set(change.sha, change);
  };
  for (const commit of input.deployed) {
    const pullRequest = input.pullRequestBySha.get(commit.sha.toLowerCase());
    const own = pullRequest === undefined ? undefined : input.pullRequestCommits.get(pullRequest);
    if (pullRequest !== undefined && own && own.length > 0) for (const prCommit of own) add(prCommit, pullRequest);
    else add(commit, pullRequest ?? null);
  }
  return [...changes.values()].sort((a, b) => a.authoredAt.getTime() - b.authoredAt.getTime() || a.sha.localeCompare(b.sha));
};

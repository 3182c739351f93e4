import type { DeployedCommit } from '../../../lib/domain/normalize-deployed-commits';
import type { PullRequestRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, gitlabIds, serviceOfProject } from './gitlab-ids';
import type { GitlabCommit, GitlabMergeRequest } from './gitlab-payloads';

const earliest = (dates: (Date | null | undefined)[]) => dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);

/** A GitLab commit as the shared change normalizer reads it. */
export const toDeployedCommit = (commit: GitlabCommit): DeployedCommit => ({
  sha: commit.id.toLowerCase(),
  authoredAt: commit.authored_date ?? commit.created_at ?? null,
  committedAt: commit.committed_date ?? null,
  author: commit.author_name ?? null,
  title: commit.title ?? null,
  url: commit.web_url ?? null,
});

/**
 * A merge request as a pull request row. The commit that landed it is the squash commit when squashed, the merge
 * commit otherwise, or its head when fast-forwarded; its first commit starts the coding time. Review and approval
 * times are not read from GitLab yet (null), so those breakdown steps have no GitLab samples.
 */
export const normalizeGitlabMergeRequest = (project: string, mr: GitlabMergeRequest, commits: GitlabCommit[] | null): PullRequestRow => {
  const merged = mr.state === 'merged' || Boolean(mr.merged_at);
  const landed = mr.squash_commit_sha ?? mr.merge_commit_sha ?? mr.sha ?? null;
  const sourceId = gitlabIds.mergeRequest(project, mr.iid);
  return {
    id: gitlabIds.mergeRequestId(project, mr.iid),
    source: GITLAB_SOURCE,
    sourceId,
    url: mr.web_url ?? null,
    service: serviceOfProject(project),
    repository: project,
    number: mr.iid,
    title: mr.title ?? null,
    author: mr.author?.username ?? null,
    state: merged ? 'merged' : mr.state === 'opened' ? 'open' : 'closed',
    labels: [...(mr.labels ?? [])].sort(),
    isRevert: /^revert\b/i.test(mr.title ?? ''),
    baseBranch: mr.target_branch ?? null,
    headSha: mr.sha?.toLowerCase() ?? null,
    mergeCommitSha: merged ? (landed?.toLowerCase() ?? null) : null,
    firstCommitAt: earliest((commits ?? []).map((commit) => commit.authored_date ?? commit.created_at)),
    openedAt: mr.created_at,
    firstReviewAt: null,
    approvedAt: null,
    mergedAt: mr.merged_at ?? null,
    closedAt: mr.closed_at ?? null,
  };
};

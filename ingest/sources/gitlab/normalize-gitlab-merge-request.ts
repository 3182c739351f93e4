import type { DeployedCommit } from '../../../lib/domain/normalize-deployed-commits';
import type { PullRequestRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, gitlabIds, serviceOfProject } from './gitlab-ids';
import type { GitlabCommit, GitlabMergeRequest, GitlabNote } from './gitlab-payloads';

const earliest = (dates: (Date | null | undefined)[]) =>
  dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);

/** A GitLab commit as the shared change normalizer reads it. */
export const toDeployedCommit = (commit: GitlabCommit): DeployedCommit => ({
  sha: commit.id.toLowerCase(),
  authoredAt: commit.authored_date ?? commit.created_at ?? null,
  committedAt: commit.committed_date ?? null,
  author: commit.author_name ?? null,
  title: commit.title ?? null,
  url: commit.web_url ?? null,
});

// GitLab records an approval as a system note by the approver.
const isApproval = (note: GitlabNote) => Boolean(note.system) && /^approved this merge request/i.test(note.body ?? '');

/**
 * A merge request as a pull request row. The commit that landed it is the squash commit when squashed, the merge
 * commit otherwise, or its head when fast-forwarded; its first commit starts the coding time. The first review is
 * the first comment or approval by someone other than the author, the approval the first approval by someone else
 * (from its notes; null when they were not read).
 */
export const normalizeGitlabMergeRequest = (
  project: string,
  mr: GitlabMergeRequest,
  commits: GitlabCommit[] | null,
  notes: GitlabNote[] | null = null,
): PullRequestRow => {
  const byOthers = (notes ?? []).filter(
    (note) => note.author?.username !== mr.author?.username && (!note.system || isApproval(note)),
  );
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
    firstReviewAt: earliest(byOthers.map((note) => note.created_at)),
    approvedAt: earliest(byOthers.filter(isApproval).map((note) => note.created_at)),
    mergedAt: mr.merged_at ?? null,
    closedAt: mr.closed_at ?? null,
  };
};

import { makeId } from '../../../lib/domain/ids';
import type { PullRequestRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { labelNames, type GithubCommit, type GithubPullRequest, type GithubReview } from './github-payloads';

const earliest = (dates: (Date | null | undefined)[]) =>
  dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);

// GitHub names reverts "Revert \"…\"" from branches "revert-<number>-<branch>".
const isRevert = (pr: GithubPullRequest) => /^revert\b/i.test(pr.title ?? '') || /^revert-\d+-/.test(pr.head?.ref ?? '');

/**
 * A pull request with enough for the lead-time breakdown: first commit (coding), opened, first review by someone
 * other than the author (pickup), approval and merge (review). Commits and reviews are null when unknown.
 */
export const normalizePullRequest = (
  fullName: string,
  pr: GithubPullRequest,
  commits: GithubCommit[] | null,
  reviews: GithubReview[] | null,
): PullRequestRow => {
  const sourceId = githubIds.pullRequest(fullName, pr.number);
  const author = pr.user?.login ?? null;
  const byOthers = (reviews ?? []).filter((review) => review.state !== 'PENDING' && review.user?.login !== author);
  const merged = Boolean(pr.merged_at);
  return {
    id: makeId(GITHUB_SOURCE, 'pull_request', sourceId),
    source: GITHUB_SOURCE,
    sourceId,
    url: pr.html_url ?? null,
    service: serviceOf(fullName),
    repository: fullName,
    number: pr.number,
    title: pr.title ?? null,
    author,
    state: merged ? 'merged' : pr.state === 'open' ? 'open' : 'closed',
    labels: labelNames(pr.labels).sort(),
    isRevert: isRevert(pr),
    baseBranch: pr.base?.ref ?? null,
    headSha: pr.head?.sha?.toLowerCase() ?? null,
    mergeCommitSha: merged ? (pr.merge_commit_sha?.toLowerCase() ?? null) : null,
    firstCommitAt: earliest((commits ?? []).map((commit) => commit.commit.author?.date)),
    openedAt: pr.created_at,
    firstReviewAt: earliest(byOthers.map((review) => review.submitted_at)),
    approvedAt: earliest(byOthers.filter((review) => review.state === 'APPROVED').map((review) => review.submitted_at)),
    mergedAt: pr.merged_at ?? null,
    closedAt: pr.closed_at ?? null,
  };
};

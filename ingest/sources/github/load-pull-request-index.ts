import { and, eq, isNotNull } from 'drizzle-orm';
import { pullRequests } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { GITHUB_SOURCE } from './github-ids';
import { parsePayload, ZCommit, type GithubCommit } from './github-payloads';

// GitHub lists at most 250 commits of a pull request: past that the listing cannot say a commit is in none.
const LISTED_COMMITS_CAP = 250;

export type PullRequestIndex = {
  bySha: Map<string, number>;
  commits: Map<number, GithubCommit[]>;
  /** Some pull request reached the listing cap, so a commit in none of the listings may still be in one. */
  capped: boolean;
};

export const addPullRequestCommits = (index: PullRequestIndex, number: number, commits: GithubCommit[]) => {
  index.commits.set(number, commits);
  if (commits.length >= LISTED_COMMITS_CAP) index.capped = true;
};

export const parseCommits = (items: unknown) =>
  (Array.isArray(items) ? items : []).flatMap((item) => {
    const parsed = parsePayload(ZCommit, item, 'commit');
    return parsed.ok ? [parsed.value] : [];
  });

/** What is already known locally: merge (and squash) commits of merged pull requests and every pull request's commits. */
export const loadPullRequestIndex = async (db: Executor, fullName: string): Promise<PullRequestIndex> => {
  const index: PullRequestIndex = { bySha: new Map(), commits: new Map(), capped: false };
  for (const row of await getRawPayloads(db, { source: GITHUB_SOURCE, kind: 'pull_request_commits', scope: fullName })) {
    const number = Number(row.sourceId.split('#').at(-1));
    const commits = parseCommits(row.payload);
    addPullRequestCommits(index, number, commits);
    for (const commit of commits) if (!index.bySha.has(commit.sha.toLowerCase())) index.bySha.set(commit.sha.toLowerCase(), number);
  }
  const merged = await db
    .select({ number: pullRequests.number, sha: pullRequests.mergeCommitSha })
    .from(pullRequests)
    .where(and(eq(pullRequests.source, GITHUB_SOURCE), eq(pullRequests.repository, fullName), isNotNull(pullRequests.mergeCommitSha)));
  for (const row of merged) if (row.sha && row.number !== null) index.bySha.set(row.sha, row.number);
  return index;
};

import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import type { RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { fetchPages } from './fetch-pages';
import { GITHUB_SOURCE, githubIds } from './github-ids';
import type { RepositoryAccess } from './github-settings';
import type { GithubCommit } from './github-payloads';
import { addPullRequestCommits, parseCommits, type PullRequestIndex } from './load-pull-request-index';

type Repo = RepositoryAccess & { pullRequestsListedFrom?: Date | null };

/** A commit made since every pull request was listed, and in none of them, was pushed directly: no need to ask. */
const isKnownDirectPush = (from: Date | null | undefined, commit: GithubCommit) => {
  if (from === undefined) return false;
  const madeAt = commit.commit.committer?.date ?? commit.commit.author?.date;
  return from === null || (madeAt !== null && madeAt !== undefined && madeAt >= from);
};

// Rebase merges copy a pull request's commits with new shas but the same author time and message.
const copyKey = (commit: GithubCommit) =>
  `${commit.commit.author?.date?.getTime() ?? ''}|${commit.commit.message ?? ''}`;

/**
 * Which pull request each deployed commit came from: known merge, squash and pull-request commits first, then
 * rebased copies of a pull request already found; a commit made since every pull request was listed and in none is a
 * direct push; only then GitHub's "pull requests of a commit" (one request per unknown commit, kept as a raw payload
 * so it is never asked twice). Returns the raw payloads it fetched.
 */
export const resolvePullRequests = async (repo: Repo, deployed: GithubCommit[], index: PullRequestIndex) => {
  const fetched: RawPayloadInput[] = [];
  const found = new Map<string, number>();
  const unknown: GithubCommit[] = [];
  for (const commit of deployed) {
    const number = index.bySha.get(commit.sha.toLowerCase());
    if (number === undefined) unknown.push(commit);
    else found.set(commit.sha.toLowerCase(), number);
  }
  const listedFrom = index.capped ? undefined : repo.pullRequestsListedFrom;
  const copies = new Map<string, number>();
  for (const number of new Set(found.values()))
    for (const commit of index.commits.get(number) ?? []) copies.set(copyKey(commit), number);
  for (const commit of unknown) {
    const sha = commit.sha.toLowerCase();
    const copied = copies.get(copyKey(commit));
    if (copied !== undefined) {
      found.set(sha, copied);
      continue;
    }
    if (isKnownDirectPush(listedFrom, commit)) continue;
    const sourceId = `${repo.fullName}@${sha}`;
    let pulls = (
      await getRawPayloads(repo.db, { source: GITHUB_SOURCE, kind: 'commit_pulls', sourceIds: [sourceId] })
    )[0]?.payload as { number: number; merged_at?: string | null }[] | undefined;
    if (!pulls && repo.client) {
      const answer = await fetchPages<{ number: number; merged_at?: string | null }>(
        repo.client,
        'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
        { owner: repo.owner, repo: repo.repo, commit_sha: sha },
      );
      pulls = answer.notModified ? [] : answer.items;
      fetched.push({ source: GITHUB_SOURCE, kind: 'commit_pulls', sourceId, scope: repo.fullName, payload: pulls });
    }
    const merged = (pulls ?? []).filter((pull) => pull.merged_at).sort((a, b) => a.number - b.number)[0];
    if (!merged) continue;
    found.set(sha, merged.number);
    if (!index.commits.has(merged.number) && repo.client) {
      const params = { owner: repo.owner, repo: repo.repo, pull_number: merged.number };
      const commits = await fetchPages<unknown>(
        repo.client,
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
        params,
      );
      const items = commits.notModified ? [] : commits.items;
      addPullRequestCommits(index, merged.number, parseCommits(items));
      fetched.push({
        source: GITHUB_SOURCE,
        kind: 'pull_request_commits',
        sourceId: githubIds.pullRequest(repo.fullName, merged.number),
        scope: repo.fullName,
        payload: items,
      });
    }
  }
  return { pullRequestBySha: found, fetched };
};

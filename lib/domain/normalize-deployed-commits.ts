import { makeChangeId, makeId } from './ids';
import type { ChangeRow } from './types';

/** A commit as any forge describes it, reduced to what a change row needs. */
export type DeployedCommit = {
  sha: string;
  authoredAt: Date | null;
  committedAt: Date | null;
  author: string | null;
  title: string | null;
  url: string | null;
};

export type DeployedCommitsInput = {
  source: string;
  service: string;
  /** The commits the deployment shipped: compare(previous deployment of the environment … this one), or a window. */
  deployed: DeployedCommit[];
  /** The merge request / pull request (its source id) each deployed commit came from: merge, squash or its own. */
  requestBySha: Map<string, string>;
  /** Each such request's own commits, which stand for its merge or squash commit (keeping the coding time). */
  requestCommits: Map<string, DeployedCommit[]>;
  /** For the first deployment seen: only commits authored from here on are linked. */
  horizonStart: Date | null;
};

/**
 * The changes a deployment carried, for any forge. A deployed commit that came from a merge request stands for the
 * request's own commits; other commits stand for themselves. Pure: the same input always gives the same rows.
 */
export const normalizeDeployedCommits = (input: DeployedCommitsInput): ChangeRow[] => {
  const changes = new Map<string, ChangeRow>();
  const add = (commit: DeployedCommit, request: string | null) => {
    const authoredAt = commit.authoredAt ?? commit.committedAt;
    if (!authoredAt || (input.horizonStart && authoredAt < input.horizonStart)) return;
    const sha = commit.sha.toLowerCase();
    // A commit both deployed directly and listed by its request keeps the request link.
    if (changes.has(sha) && request === null) return;
    changes.set(sha, {
      id: makeChangeId(input.source, input.service, sha),
      source: input.source,
      sourceId: `${input.service}@${sha}`,
      url: commit.url,
      service: input.service,
      sha,
      authoredAt,
      committedAt: commit.committedAt,
      author: commit.author,
      title: commit.title,
      pullRequestId: request === null ? null : makeId(input.source, 'pull_request', request),
    });
  };
  for (const commit of input.deployed) {
    const request = input.requestBySha.get(commit.sha.toLowerCase()) ?? null;
    const own = request === null ? undefined : input.requestCommits.get(request);
    if (own && own.length > 0) for (const requestCommit of own) add(requestCommit, request);
    else add(commit, request);
  }
  return [...changes.values()].sort(
    (a, b) => a.authoredAt.getTime() - b.authoredAt.getTime() || a.sha.localeCompare(b.sha),
  );
};

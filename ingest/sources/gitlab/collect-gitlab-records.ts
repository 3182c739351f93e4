import type { GitlabClient } from './create-gitlab-client';

export type UpdatedAfter = { updatedAfter?: string };

// Listings ordered by updated_at ascending, from the cursor on: a stopped walk resumes where its last commit was.
const since = (cursor: string | null): UpdatedAfter => (cursor ? { updatedAfter: cursor } : {});

/** Deployments updated since the cursor (`order_by=updated_at` is what `updated_after` requires). */
export const collectGitlabDeployments = async (
  client: GitlabClient,
  projectId: number,
  cursor: string | null,
  perPage: number,
) =>
  (await client.api.Deployments.all(projectId, {
    orderBy: 'updated_at',
    sort: 'asc',
    perPage,
    ...since(cursor),
  })) as unknown[];

/** Merged merge requests updated since the cursor. */
export const collectGitlabMergeRequests = async (
  client: GitlabClient,
  projectId: number,
  cursor: string | null,
  perPage: number,
) =>
  (await client.api.MergeRequests.all({
    projectId,
    state: 'merged',
    orderBy: 'updated_at',
    sort: 'asc',
    perPage,
    ...since(cursor),
  })) as unknown[];

/** A merge request's own commits (what its squash or merge commit stands for). */
export const collectGitlabMergeRequestCommits = async (
  client: GitlabClient,
  projectId: number,
  iid: number,
  perPage: number,
) => (await client.api.MergeRequests.allCommits(projectId, iid, { perPage })) as unknown[];

/** A merge request's notes, oldest first: comments and the system notes that record approvals. */
export const collectGitlabMergeRequestNotes = async (
  client: GitlabClient,
  projectId: number,
  iid: number,
  perPage: number,
) =>
  (await client.api.MergeRequestNotes.all(projectId, iid, {
    sort: 'asc',
    orderBy: 'created_at',
    perPage,
  })) as unknown[];

/** Pipelines updated since the cursor. */
export const collectGitlabPipelines = async (
  client: GitlabClient,
  projectId: number,
  cursor: string | null,
  perPage: number,
) =>
  (await client.api.Pipelines.all(projectId, {
    orderBy: 'updated_at',
    sort: 'asc',
    perPage,
    ...since(cursor),
  })) as unknown[];

/** Incidents updated since the cursor: issues of type incident and issues with the label, once each. */
export const collectGitlabIncidents = async (
  client: GitlabClient,
  projectId: number,
  cursor: string | null,
  label: string,
  perPage: number,
) => {
  const common = { projectId, scope: 'all', orderBy: 'updated_at', sort: 'asc', perPage, ...since(cursor) } as const;
  const typed = (await client.api.Issues.all({ ...common, issueType: 'incident' })) as { id: number }[];
  const labelled = (await client.api.Issues.all({ ...common, labels: label })) as { id: number }[];
  return [...new Map([...typed, ...labelled].map((issue) => [issue.id, issue])).values()] as unknown[];
};

/** The commits reachable from `to` and not from `from` (GitLab's compare, oldest first). */
export const collectGitlabCompare = async (client: GitlabClient, projectId: number, from: string, to: string) => {
  const answer = (await client.api.Repositories.compare(projectId, from, to)) as { commits?: unknown[] };
  return answer.commits ?? [];
};

/** The commits of `sha`'s history within a window: a first deployment's changes. */
export const collectGitlabCommitWindow = async (
  client: GitlabClient,
  projectId: number,
  sha: string,
  since: Date,
  until: Date,
  perPage: number,
) =>
  (await client.api.Commits.all(projectId, {
    refName: sha,
    since: since.toISOString(),
    until: until.toISOString(),
    perPage,
  })) as unknown[];

import type { GitlabClient } from './create-gitlab-client';

type DiffEntry = { diff?: unknown } & Record<string, unknown>;

/**
 * The files one commit changed (`GET /projects/:id/repository/commits/:sha/diff`), every page of them: GitLab pages
 * this listing (`page`, `per_page`, x-next-page) and the client walks the pages. The `diff` texts are dropped: only
 * `new_path`, `old_path` and `renamed_file` are read, and a large commit's diffs would make its payload megabytes.
 */
export const collectGitlabCommitDiff = async (
  client: GitlabClient,
  projectId: number,
  sha: string,
  perPage: number,
) => {
  const entries = (await client.api.Commits.showDiff(projectId, sha, { perPage })) as DiffEntry[];
  return entries.map(({ diff: _diff, ...entry }) => entry);
};

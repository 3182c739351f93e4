import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import type { DeployedCommit } from '../../../lib/domain/normalize-deployed-commits';
import { GITLAB_SOURCE, gitlabIds } from './gitlab-ids';
import { parseGitlabPayload, ZGitlabCommit, ZGitlabMergeRequest } from './gitlab-payloads';
import { toDeployedCommit } from './normalize-gitlab-merge-request';

export type MergeRequestIndex = { requestBySha: Map<string, string>; requestCommits: Map<string, DeployedCommit[]> };

/** Reads commits from a stored payload, skipping any that do not fit. */
export const parseGitlabCommits = (payload: unknown): DeployedCommit[] =>
  (Array.isArray(payload) ? payload : []).flatMap((commit) => {
    const parsed = parseGitlabPayload(ZGitlabCommit, commit, 'commit');
    return parsed.ok ? [toDeployedCommit(parsed.value)] : [];
  });

/**
 * Which merge request each commit of a project came from, from the stored merge requests: the squash commit, the
 * merge commit, and (fast-forward merges) the request's own commits all name it.
 */
export const loadGitlabMergeRequestIndex = async (db: Executor, project: string): Promise<MergeRequestIndex> => {
  const requestBySha = new Map<string, string>();
  const requestCommits = new Map<string, DeployedCommit[]>();
  for (const row of await getRawPayloads(db, {
    source: GITLAB_SOURCE,
    kind: 'merge_request_commits',
    scope: project,
  })) {
    const commits = parseGitlabCommits(row.payload);
    requestCommits.set(row.sourceId, commits);
    for (const commit of commits) requestBySha.set(commit.sha, row.sourceId);
  }
  for (const row of await getRawPayloads(db, { source: GITLAB_SOURCE, kind: 'merge_request', scope: project })) {
    const parsed = parseGitlabPayload(ZGitlabMergeRequest, row.payload, 'merge request');
    if (!parsed.ok || !parsed.value.merged_at) continue;
    const sourceId = gitlabIds.mergeRequest(project, parsed.value.iid);
    for (const sha of [parsed.value.merge_commit_sha, parsed.value.squash_commit_sha])
      if (sha) requestBySha.set(sha.toLowerCase(), sourceId);
  }
  return { requestBySha, requestCommits };
};

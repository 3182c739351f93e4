import { z } from 'zod';
import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { makeServicePathMatcher } from '../../../lib/domain/make-service-path-matcher';
import type { DeployedCommit } from '../../../lib/domain/normalize-deployed-commits';
import type { RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { collectGitlabCommitDiff } from './collect-gitlab-commit-diff';
import type { GitlabClient } from './create-gitlab-client';
import { GITLAB_SOURCE } from './gitlab-ids';
import { parseGitlabPayload } from './gitlab-payloads';

/** A commit's diff as GitLab lists it: one entry per changed file (`old_path` differs from `new_path` on a rename). */
const ZGitlabCommitDiff = z.array(
  z.looseObject({ new_path: z.string(), old_path: z.string().nullish(), renamed_file: z.boolean().nullish() }),
);

type Project = {
  db: Executor;
  client: GitlabClient | null;
  projectId: number;
  path: string;
  perPage: number;
  checkStopped: () => void;
};

/**
 * Of a deployment's commits, those that change a file under a monorepo service's paths (a rename counts for both of
 * its paths), as `git log -- paths` keeps them. Each commit's diff is asked of GitLab once and kept as a raw payload
 * (a commit never changes), shared by every service of the project. Null when a commit's diff is not stored and
 * there is no client to ask (renormalize): the next sync links it.
 */
export const keepGitlabCommitsTouchingPaths = async (
  project: Project,
  commits: readonly DeployedCommit[],
  paths: readonly string[],
) => {
  const matches = makeServicePathMatcher(paths);
  const sourceIdOf = (commit: DeployedCommit) => `${project.path}@${commit.sha.toLowerCase()}`;
  const stored = await getRawPayloads(project.db, {
    source: GITLAB_SOURCE,
    kind: 'commit',
    sourceIds: commits.map(sourceIdOf),
  });
  const payloads = new Map(stored.map((row) => [row.sourceId, row.payload]));
  const fetched: RawPayloadInput[] = [];
  const kept: DeployedCommit[] = [];
  for (const commit of commits) {
    const sourceId = sourceIdOf(commit);
    let payload = payloads.get(sourceId);
    if (payload === undefined) {
      if (!project.client) return null;
      project.checkStopped();
      payload = await collectGitlabCommitDiff(project.client, project.projectId, commit.sha, project.perPage);
      const checked = parseGitlabPayload(ZGitlabCommitDiff, payload, 'commit diff');
      const error = checked.ok ? null : checked.error;
      fetched.push({ source: GITLAB_SOURCE, kind: 'commit', sourceId, scope: project.path, payload, error });
    }
    const parsed = parseGitlabPayload(ZGitlabCommitDiff, payload, 'commit diff');
    // A commit whose diff cannot be read is no service's: its reason is kept with the payload.
    if (!parsed.ok) continue;
    const touched = parsed.value.some(
      (file) => matches(file.new_path) || Boolean(file.old_path && matches(file.old_path)),
    );
    if (touched) kept.push(commit);
  }
  return { commits: kept, fetched };
};

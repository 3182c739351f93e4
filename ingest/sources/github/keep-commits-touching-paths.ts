import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { makeServicePathMatcher } from '../../../lib/domain/make-service-path-matcher';
import type { RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { fetchCommitFiles } from './fetch-commit-files';
import { GITHUB_SOURCE } from './github-ids';
import type { RepositoryAccess } from './github-settings';
import { parsePayload, ZCommitFiles, type GithubCommit } from './github-payloads';

type Repo = RepositoryAccess & { checkStopped: () => void };

/**
 * Of a deployment's commits, those that change a file under a monorepo service's paths (a rename counts for both of
 * its paths), as `git log -- paths` keeps them. Each commit's files are asked of GitHub once and kept as a raw payload
 * (a commit never changes), and are shared by every service of the repository. Null when a commit's files are not
 * stored and there is no client to ask (a webhook job): the next sync links it.
 */
export const keepCommitsTouchingPaths = async (
  repo: Repo,
  commits: readonly GithubCommit[],
  paths: readonly string[],
) => {
  const matches = makeServicePathMatcher(paths);
  const sourceIdOf = (commit: GithubCommit) => `${repo.fullName}@${commit.sha.toLowerCase()}`;
  const sourceIds = commits.map(sourceIdOf);
  const stored = await getRawPayloads(repo.db, { source: GITHUB_SOURCE, kind: 'commit', sourceIds });
  const payloads = new Map(stored.map((row) => [row.sourceId, row.payload]));
  const fetched: RawPayloadInput[] = [];
  const kept: GithubCommit[] = [];
  for (const commit of commits) {
    const sourceId = sourceIdOf(commit);
    let payload = payloads.get(sourceId);
    if (payload === undefined) {
      if (!repo.client) return null;
      repo.checkStopped();
      payload = await fetchCommitFiles(repo.client, repo.owner, repo.repo, commit.sha);
      const parsed = parsePayload(ZCommitFiles, payload, 'commit');
      const error = parsed.ok ? null : parsed.error;
      fetched.push({ source: GITHUB_SOURCE, kind: 'commit', sourceId, scope: repo.fullName, payload, error });
    }
    const parsed = parsePayload(ZCommitFiles, payload, 'commit');
    // A commit whose files cannot be read is no service's: its reason is kept with the payload.
    if (!parsed.ok) continue;
    const touched = (file: (typeof parsed.value.files)[number]) =>
      matches(file.filename) || Boolean(file.previous_filename && matches(file.previous_filename));
    if (parsed.value.files.some(touched)) kept.push(commit);
  }
  return { commits: kept, fetched };
};

import type { DeployedCommit } from '../../../lib/domain/normalize-deployed-commits';
import type { GithubCommit } from './github-payloads';

/** A GitHub commit as the shared deployed-commits normalizer reads it (author time, else committer time). */
export const toDeployedCommit = (commit: GithubCommit): DeployedCommit => ({
  sha: commit.sha,
  authoredAt: commit.commit.author?.date ?? commit.commit.committer?.date ?? null,
  committedAt: commit.commit.committer?.date ?? null,
  author: commit.author?.login ?? commit.commit.author?.name ?? null,
  title: commit.commit.message?.split('\n')[0] ?? null,
  url: commit.html_url ?? null,
});

import { collectGitCommits, type GitCommit } from './collect-git-commits';

/**
 * The commits a deployment carried: `git rev-list previous..tip`, or for the first deployment, the commits reachable
 * from the tip committed since the horizon (git stops walking at older commits, so old history is never read).
 */
export const collectGitRange = async (repository: string, tip: string, previous: string | null, horizonStart: string | null): Promise<GitCommit[]> => {
  const commits: GitCommit[] = [];
  if (previous) {
    for await (const commit of collectGitCommits(repository, [tip, `^${previous}`])) commits.push(commit);
    return commits;
  }
  const since = Date.parse(horizonStart!);
  for await (const commit of collectGitCommits(repository, [tip, `--since=${horizonStart}`])) {
    // git's --since is a walk limit with clock-skew slack; the horizon itself is applied exactly here.
    if (Date.parse(commit.committedAt) >= since) commits.push(commit);
  }
  return commits;
};

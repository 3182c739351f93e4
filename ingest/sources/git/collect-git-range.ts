import { collectGitCommits, type GitCommit } from './collect-git-commits';

/**
 * The commits a deployment carried: those reachable from the tip and from none of the earlier deployments
 * (`git log tip --not earlier…`), so each commit ships once, at its first deployment, whichever release line it is
 * on. For the first deployment, the commits reachable from the tip committed since the horizon (git stops walking at
 * older commits, so old history is never read).
 */
export const collectGitRange = async (repository: string, tip: string, earlier: readonly string[], horizonStart: string | null): Promise<GitCommit[]> => {
  const commits: GitCommit[] = [];
  if (earlier.length > 0) {
    for await (const commit of collectGitCommits(repository, [tip, '--not', ...earlier])) commits.push(commit);
    return commits;
  }
  const since = Date.parse(horizonStart!);
  for await (const commit of collectGitCommits(repository, [tip, `--since=${horizonStart}`])) {
    // git's --since is a walk limit with clock-skew slack; the horizon itself is applied exactly here.
    if (Date.parse(commit.committedAt) >= since) commits.push(commit);
  }
  return commits;
};

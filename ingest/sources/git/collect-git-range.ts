import { collectGitCommits, type GitCommit } from './collect-git-commits';
import { runGit } from './run-git';

/** The `git log` revisions of a deployment's commits: since the earlier ones, or since the horizon for the first. */
const rangeRevisions = (tip: string, earlier: readonly string[], horizonStart: string | null) =>
  earlier.length > 0 ? [tip, '--not', ...earlier] : [tip, `--since=${horizonStart}`];

/**
 * The commits a deployment carried: those reachable from the tip and from none of the earlier deployments
 * (`git log tip --not earlier…`), so each commit ships once, at its first deployment, whichever release line it is
 * on. For the first deployment, the commits reachable from the tip committed since the horizon (git stops walking at
 * older commits, so old history is never read).
 */
export const collectGitRange = async (
  repository: string,
  tip: string,
  earlier: readonly string[],
  horizonStart: string | null,
): Promise<GitCommit[]> => {
  const commits: GitCommit[] = [];
  const since = earlier.length > 0 ? null : Date.parse(horizonStart!);
  for await (const commit of collectGitCommits(repository, rangeRevisions(tip, earlier, horizonStart))) {
    // git's --since is a walk limit with clock-skew slack; the horizon itself is applied exactly here.
    if (since === null || Date.parse(commit.committedAt) >= since) commits.push(commit);
  }
  return commits;
};

/**
 * Of the same range, the commits that change a file under `paths` (git pathspecs, glob magic): what a service of a
 * monorepo carried. Full history, not git's simplified one, so a change made on a merged branch counts at its own
 * commit; the merge itself counts only when it changed such a file beyond its parents (a conflict resolved).
 */
export const listGitPathCommits = async (
  repository: string,
  tip: string,
  earlier: readonly string[],
  horizonStart: string | null,
  paths: readonly string[],
) => {
  const revisions = rangeRevisions(tip, earlier, horizonStart);
  const pathspecs = paths.map((path) => `:(glob)${path}`);
  const output = await runGit(repository, ['log', '--format=%H', '--full-history', ...revisions, '--', ...pathspecs]);
  return new Set(output.split('\n').filter(Boolean));
};

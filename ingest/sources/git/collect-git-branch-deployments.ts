import { collectGitCommits, type GitCommit } from './collect-git-commits';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { collectGitRange } from './collect-git-range';
import { DAY_MS } from '../../../lib/format/time-units';


/**
 * For trunk-based teams that deploy every merge: each first-parent commit of the branch after `after` (the last
 * one an earlier run stored) is a deployment at its committer date, carrying `git rev-list parent..commit`: itself,
 * or for a merge, everything the merge brought in. Streams the branch oldest first, so a run killed half-way has
 * stored a prefix and the next run continues from there.
 */
export async function* collectGitBranchDeployments(
  repository: string,
  branch: string,
  tip: string,
  after: string | null,
  horizonDays: number,
): AsyncGenerator<CollectedGitDeployment> {
  let previous = after;
  for await (const commit of collectGitCommits(repository, ['--first-parent', '--reverse', after ? `${after}..${tip}` : tip])) {
    let horizonStart: string | null = null;
    let commits: GitCommit[];
    if (previous && commit.parents.length === 1 && commit.parents[0] === previous) commits = [commit];
    else if (!previous && commit.parents.length === 0) {
      horizonStart = new Date(Date.parse(commit.committedAt) - horizonDays * DAY_MS).toISOString();
      commits = [commit];
    } else {
      if (!previous) horizonStart = new Date(Date.parse(commit.committedAt) - horizonDays * DAY_MS).toISOString();
      commits = await collectGitRange(repository, commit.sha, previous ? [previous] : [], horizonStart);
    }
    yield {
      payload: {
        mode: 'branch',
        ref: branch,
        name: commit.sha,
        sha: commit.sha,
        deployedAt: commit.committedAt,
        previous: previous ? { name: previous, sha: previous } : null,
        horizonStart,
        commits: commits.map((carried) => carried.sha),
      },
      commits,
    };
    previous = commit.sha;
  }
}

import type { GitCommit } from './collect-git-commits';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { collectGitRange } from './collect-git-range';
import type { PlannedGitTag } from './plan-git-tag-deployments';

/**
 * Reads the commits each planned tag deployment carried, in order. A few ranges are read ahead (one git process
 * each) while earlier ones are written: most of a range's cost is starting git, and that overlaps well. Memory stays
 * bounded by `readAhead` ranges.
 */
export async function* collectGitTagDeployments(repository: string, planned: readonly PlannedGitTag[], readAhead = 4): AsyncGenerator<CollectedGitDeployment> {
  const reading: Promise<GitCommit[]>[] = [];
  let next = 0;
  const startNext = () => {
    const { tag, previous, horizonStart } = planned[next++]!;
    const range = collectGitRange(repository, tag.sha, previous?.sha ?? null, horizonStart);
    // Awaited in order below; this only keeps a failure of a range not yet awaited from going unhandled.
    range.catch(() => {});
    reading.push(range);
  };
  while (next < Math.min(readAhead, planned.length)) startNext();
  for (const { tag, deployedAt, previous, horizonStart } of planned) {
    const commits = await reading.shift()!;
    if (next < planned.length) startNext();
    yield {
      payload: { mode: 'tag', ref: tag.name, name: tag.name, sha: tag.sha, deployedAt, previous, horizonStart, commits: commits.map((commit) => commit.sha), tag },
      commits,
    };
  }
}

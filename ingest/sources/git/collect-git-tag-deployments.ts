import type { CollectedGitDeployment } from './collected-git-deployment';
import { collectGitRange } from './collect-git-range';
import type { PlannedGitTag } from './plan-git-tag-deployments';

/** Reads, one tag at a time, the commits each planned tag deployment carried. */
export async function* collectGitTagDeployments(repository: string, planned: readonly PlannedGitTag[]): AsyncGenerator<CollectedGitDeployment> {
  for (const { tag, deployedAt, previous, horizonStart } of planned) {
    const commits = await collectGitRange(repository, tag.sha, previous?.sha ?? null, horizonStart);
    yield {
      payload: { mode: 'tag', ref: tag.name, name: tag.name, sha: tag.sha, deployedAt, previous, horizonStart, commits: commits.map((commit) => commit.sha), tag },
      commits,
    };
  }
}

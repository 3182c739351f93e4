import type { GitCommit } from './collect-git-commits';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { collectGitRange } from './collect-git-range';
import type { PlannedGitTag } from './plan-git-tag-deployments';
import { GitCommandError, runGit } from './run-git';

type ReadTag = { commits: GitCommit[]; behindPrevious?: boolean };

/** Whether `sha` is an ancestor of `previous` (exit 0) or not (exit 1): asked only of tags carrying nothing new. */
const isAncestor = async (repository: string, sha: string, previous: string) => {
  try {
    await runGit(repository, ['merge-base', '--is-ancestor', sha, previous]);
    return true;
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1) return false;
    throw error;
  }
};

const readTag = async (repository: string, { tag, earlierShas, previous, horizonStart }: PlannedGitTag): Promise<ReadTag> => {
  const commits = await collectGitRange(repository, tag.sha, earlierShas, horizonStart);
  // A tag with nothing new is a rollback only when it goes back from the previous deployment (METRICS.md).
  if (commits.length > 0 || !previous || previous.sha === tag.sha) return { commits };
  return { commits, behindPrevious: await isAncestor(repository, tag.sha, previous.sha) };
};

/**
 * Reads the commits each planned tag deployment carried, in order. A few tags are read ahead (a git process or two
 * each) while earlier ones are written: most of a tag's cost is starting git, and that overlaps well. Memory stays
 * bounded by `readAhead` tags.
 */
export async function* collectGitTagDeployments(repository: string, planned: readonly PlannedGitTag[], readAhead = 4): AsyncGenerator<CollectedGitDeployment> {
  const reading: Promise<ReadTag>[] = [];
  let next = 0;
  const startNext = () => {
    const read = readTag(repository, planned[next++]!);
    // Awaited in order below; this only keeps a failure of a read not yet awaited from going unhandled.
    read.catch(() => {});
    reading.push(read);
  };
  while (next < Math.min(readAhead, planned.length)) startNext();
  for (const { tag, deployedAt, previous, earlier, horizonStart } of planned) {
    const { commits, behindPrevious } = await reading.shift()!;
    if (next < planned.length) startNext();
    const shas = commits.map((commit) => commit.sha);
    yield {
      payload: { mode: 'tag', ref: tag.name, name: tag.name, sha: tag.sha, deployedAt, previous, earlier, horizonStart, commits: shas, ...(behindPrevious === undefined ? {} : { behindPrevious }), tag },
      commits,
    };
  }
}

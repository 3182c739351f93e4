import type { GitCommit } from './collect-git-commits';
import type { CollectedGitDeployment } from './collected-git-deployment';
import { collectGitRange, listGitPathCommits } from './collect-git-range';
import type { PlannedGitTag } from './plan-git-tag-deployments';
import { GitCommandError, runGit } from './run-git';

/** `commits`: every commit the tag brought (they move the heads); `shipped`: those of the service (its paths). */
type ReadTag = { commits: GitCommit[]; shipped: GitCommit[]; behindPrevious?: boolean };

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

const readTag = async (
  repository: string,
  { tag, previous, horizonStart }: PlannedGitTag,
  negatives: string[],
  paths: readonly string[] | null,
): Promise<ReadTag> => {
  const [commits, touching] = await Promise.all([
    collectGitRange(repository, tag.sha, negatives, horizonStart),
    paths ? listGitPathCommits(repository, tag.sha, negatives, horizonStart, paths) : null,
  ]);
  const shipped = touching ? commits.filter((commit) => touching.has(commit.sha)) : commits;
  // A tag with nothing new is a rollback only when it goes back from the previous deployment (METRICS.md).
  if (commits.length > 0 || !previous || previous.sha === tag.sha) return { commits, shipped };
  return { commits, shipped, behindPrevious: await isAncestor(repository, tag.sha, previous.sha) };
};

/**
 * Heads: a few commits whose combined history is exactly that of every deployment so far, so a tag is read against
 * them instead of every earlier tag (2,000 `^sha` arguments cost git most of a second per tag). A tag that carried
 * commits joins the heads, and the commits it grew from (parents outside what it carried) are in its history: they
 * are `absorbed` and leave the heads, now or when met later (reads overlap, so a read may start from older heads plus
 * the tags still being read). Every absorbed commit stays reachable from a head, so the heads stay exact. A tag
 * carrying nothing was already in the history and adds nothing. `covered` counts the `earlierShas` they stand for.
 */
type Heads = { heads: string[]; covered: number };

const advanceHeads = (
  negatives: readonly string[],
  tag: PlannedGitTag,
  commits: readonly GitCommit[],
  absorbed: Set<string>,
): string[] => {
  // The first deployment: its whole history counts as shipped, even the part before the horizon it did not carry.
  if (negatives.length === 0) return [tag.tag.sha];
  const carried = new Set(commits.map((commit) => commit.sha));
  for (const commit of commits) for (const parent of commit.parents) if (!carried.has(parent)) absorbed.add(parent);
  const kept = negatives.filter((head) => !absorbed.has(head));
  return commits.length > 0 ? [...kept, tag.tag.sha] : kept;
};

const coveredAfter = (tag: PlannedGitTag) => tag.earlierShas.length + (tag.earlierShas.includes(tag.tag.sha) ? 0 : 1);

/**
 * Reads the commits each planned tag deployment carried, in order. A few tags are read ahead (a git process or two
 * each) while earlier ones are written: most of a tag's cost is starting git, and that overlaps well. Memory stays
 * bounded by `readAhead` tags.
 */
export async function* collectGitTagDeployments(
  repository: string,
  planned: readonly PlannedGitTag[],
  { paths = null, readAhead = 4 }: { paths?: readonly string[] | null; readAhead?: number } = {},
): AsyncGenerator<CollectedGitDeployment> {
  const reading: { negatives: string[]; read: Promise<ReadTag> }[] = [];
  let state: Heads = { heads: [], covered: 0 };
  const absorbed = new Set<string>();
  let next = 0;
  const startNext = () => {
    const tag = planned[next++]!;
    if (tag.knownHeads) state = { heads: tag.knownHeads, covered: tag.earlierShas.length };
    // Exact: the heads stand for the first `covered` earlier deployments, the rest are named one by one.
    const reduced = [...new Set([...state.heads, ...tag.earlierShas.slice(state.covered)])].filter(
      (sha) => !absorbed.has(sha),
    );
    // Never empty after the first deployment (an empty list would read the tag as a first deployment).
    const negatives = reduced.length > 0 || tag.earlierShas.length === 0 ? reduced : tag.earlierShas;
    const read = readTag(repository, tag, negatives, paths);
    // Awaited in order below; this only keeps a failure of a read not yet awaited from going unhandled.
    read.catch(() => {});
    reading.push({ negatives, read });
  };
  while (next < Math.min(readAhead, planned.length)) startNext();
  for (const tag of planned) {
    const { negatives, read } = reading.shift()!;
    const { commits, shipped, behindPrevious } = await read;
    const heads = advanceHeads(negatives, tag, commits, absorbed);
    // The heads after this tag cover everything up to it; a read started meanwhile used older heads, still exact.
    if (coveredAfter(tag) >= state.covered) state = { heads, covered: coveredAfter(tag) };
    if (next < planned.length) startNext();
    const { deployedAt, previous, earlier, horizonStart } = tag;
    yield {
      payload: {
        mode: 'tag',
        ref: tag.tag.name,
        name: tag.tag.name,
        sha: tag.tag.sha,
        deployedAt,
        previous,
        earlier,
        horizonStart,
        commits: shipped.map((commit) => commit.sha),
        heads,
        ...(behindPrevious === undefined ? {} : { behindPrevious }),
        tag: tag.tag,
      },
      commits: shipped,
    };
  }
}

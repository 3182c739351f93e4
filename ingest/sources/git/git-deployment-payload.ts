import type { GitTagRef } from './collect-git-tags';

/**
 * What is stored as the raw payload of a git deployment (kind `tag`, or `branch_commit` for --deploy-branch): the ref
 * as read, the deployment it follows, and the commits it carried (`git rev-list this --not <every earlier deployment>`). With the `commit`
 * payloads this is everything the normalizer needs, so it can be re-run without reading the repository again.
 */
export type GitDeploymentPayload = {
  mode: 'tag' | 'branch';
  /** The tag name, or the branch name for --deploy-branch. */
  ref: string;
  /** What names the deployment after the service: the tag name, or the commit sha for --deploy-branch. */
  name: string;
  sha: string;
  deployedAt: string;
  previous: { name: string; sha: string } | null;
  /** Tags: a digest of every earlier deployment's commit (what the carried commits were read against). */
  earlier?: string | null;
  /** Set on the first deployment only: commits committed before this are not linked (the backfill horizon). */
  horizonStart: string | null;
  commits: string[];
  /** Set when the deployment carries nothing new on another commit: whether that commit is behind the previous one. */
  behindPrevious?: boolean;
  tag?: GitTagRef;
};

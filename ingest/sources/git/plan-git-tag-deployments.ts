import { createHash } from 'node:crypto';
import type { GitTagRef } from './collect-git-tags';
import { DAY_MS } from '../../../lib/format/time-units';

/** What an earlier run stored for a tag deployment: enough to tell whether it must be read again. */
export type ProcessedGitTag = {
  sha: string;
  previous: { name: string; sha: string } | null;
  earlier: string | null;
  horizonStart: string | null;
  /** The few commits whose history is every deployment up to this one (see collectGitTagDeployments). */
  heads: string[] | null;
};

export type PlannedGitTag = {
  tag: GitTagRef;
  deployedAt: string;
  previous: { name: string; sha: string } | null;
  /** The commits of every earlier deployment: what this one carries is reachable from it and from none of these. */
  earlierShas: string[];
  /** A digest of `earlierShas` (stored; a run re-reads a tag when it changes). */
  earlier: string | null;
  /** When the deployment before this one was read by an earlier run: its stored heads, which cover `earlierShas`. */
  knownHeads: string[] | null;
  horizonStart: string | null;
};


const deployedAt = (tag: GitTagRef) => tag.taggedAt ?? tag.committedAt;

const samePrevious = (a: ProcessedGitTag['previous'], b: PlannedGitTag['previous']) => (a === null ? b === null : b !== null && a.name === b.name && a.sha === b.sha);

/**
 * Orders tags into a deployment history (by deployment time, then version-aware name) and returns, in that order, the
 * ones whose commits must be read: new tags, moved tags, and tags whose earlier deployments changed (a tag added
 * between two known ones). Every other tag was read by an earlier run with the same inputs, so a second run reads
 * only what is new. The first deployment carries only commits inside the backfill horizon.
 */
export const planGitTagDeployments = (tags: readonly GitTagRef[], processed: ReadonlyMap<string, ProcessedGitTag>, horizonDays: number): { planned: PlannedGitTag[]; total: number } => {
  const ordered = [...tags].sort((a, b) => Date.parse(deployedAt(a)) - Date.parse(deployedAt(b)) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const planned: PlannedGitTag[] = [];
  const earlierShas: string[] = [];
  const seen = new Set<string>();
  // A running digest of the earlier commits in deployment order: O(1) per tag, and any change before a tag changes it.
  let earlier: string | null = null;
  ordered.forEach((tag, index) => {
    const before = index > 0 ? ordered[index - 1]! : null;
    const previous = before ? { name: before.name, sha: before.sha } : null;
    if (before && !seen.has(before.sha)) {
      seen.add(before.sha);
      earlierShas.push(before.sha);
      earlier = createHash('sha256').update(`${earlier ?? ''}${before.sha}`).digest('hex');
    }
    const at = deployedAt(tag);
    const horizonStart = previous ? null : new Date(Date.parse(at) - horizonDays * DAY_MS).toISOString();
    const known = processed.get(tag.name);
    if (known && known.sha === tag.sha && samePrevious(known.previous, previous) && known.earlier === earlier && known.horizonStart === horizonStart) return;
    const stored = before ? processed.get(before.name) : undefined;
    const beforeReadNow = planned.at(-1)?.tag === before;
    const knownHeads = stored && !beforeReadNow ? stored.heads : null;
    planned.push({ tag, deployedAt: at, previous, earlierShas: [...earlierShas], earlier, knownHeads, horizonStart });
  });
  return { planned, total: ordered.length };
};

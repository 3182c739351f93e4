import type { GitTagRef } from './collect-git-tags';

/** What an earlier run stored for a tag deployment: enough to tell whether it must be read again. */
export type ProcessedGitTag = { sha: string; previous: { name: string; sha: string } | null; horizonStart: string | null };

export type PlannedGitTag = {
  tag: GitTagRef;
  deployedAt: string;
  previous: { name: string; sha: string } | null;
  horizonStart: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

const deployedAt = (tag: GitTagRef) => tag.taggedAt ?? tag.committedAt;

const samePrevious = (a: ProcessedGitTag['previous'], b: PlannedGitTag['previous']) => (a === null ? b === null : b !== null && a.name === b.name && a.sha === b.sha);

/**
 * Orders tags into a deployment history (by deployment time, then version-aware name) and returns, in that order, the
 * ones whose commits must be read: new tags, moved tags, and tags whose previous deployment changed (a tag added
 * between two known ones). Every other tag was read by an earlier run with the same inputs, so a second run reads
 * only what is new. The first deployment carries only commits inside the backfill horizon.
 */
export const planGitTagDeployments = (tags: readonly GitTagRef[], processed: ReadonlyMap<string, ProcessedGitTag>, horizonDays: number): { planned: PlannedGitTag[]; total: number } => {
  const ordered = [...tags].sort((a, b) => Date.parse(deployedAt(a)) - Date.parse(deployedAt(b)) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const planned: PlannedGitTag[] = [];
  ordered.forEach((tag, index) => {
    const before = index > 0 ? ordered[index - 1]! : null;
    const previous = before ? { name: before.name, sha: before.sha } : null;
    const at = deployedAt(tag);
    const horizonStart = previous ? null : new Date(Date.parse(at) - horizonDays * DAY_MS).toISOString();
    const known = processed.get(tag.name);
    if (known && known.sha === tag.sha && samePrevious(known.previous, previous) && known.horizonStart === horizonStart) return;
    planned.push({ tag, deployedAt: at, previous, horizonStart });
  });
  return { planned, total: ordered.length };
};

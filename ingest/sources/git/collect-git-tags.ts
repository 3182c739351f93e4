import { runGit } from './run-git';
import { streamGit } from './stream-git';

/** A tag as `git for-each-ref` describes it: what is stored as the raw `tag` payload. */
export type GitTagRef = {
  name: string;
  /** The commit the tag points at (through any annotated tags). */
  sha: string;
  annotated: boolean;
  /** The annotated tag object's own sha. */
  tagObject: string | null;
  /** Tagger date of an annotated tag, ISO 8601 with the tagger's offset. */
  taggedAt: string | null;
  committedAt: string;
};

export type CollectedTags = {
  tags: GitTagRef[];
  /** Every tag in the repository, matching or not. */
  total: number;
  /** Tags that match but point at a tree or a blob. */
  skipped: string[];
  /** How many tags the rule did not match, and the first of them (the summary names it). */
  unmatched: { count: number; example: string | null };
};

const FORMAT = ['%(refname:strip=2)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)', '%(creatordate:iso-strict)', '%(*committerdate:iso-strict)'].join('%00');

/**
 * Lists the tags `matches` accepts (it sees the name after refs/tags/). Tags of trees or blobs cannot be
 * deployments and are reported as skipped. The list holds one small entry per tag; history is not read here.
 */
export const collectGitTags = async (repository: string, matches: (name: string) => boolean): Promise<CollectedTags> => {
  const unmatched: CollectedTags['unmatched'] = { count: 0, example: null };
  const tags: GitTagRef[] = [];
  const skipped: string[] = [];
  const nested: string[] = [];
  let total = 0;
  for await (const line of streamGit(repository, ['for-each-ref', `--format=${FORMAT}`, 'refs/tags'], '\n')) {
    if (!line) continue;
    total++;
    const [name = '', type, object = '', derefType, derefObject, createdAt, derefCommittedAt] = line.split('\0');
    if (!matches(name)) {
      unmatched.count++;
      unmatched.example ??= name;
      continue;
    }
    if (type === 'commit') {
      tags.push({ name, sha: object, annotated: false, tagObject: null, taggedAt: null, committedAt: createdAt! });
    } else if (type === 'tag' && derefType === 'commit') {
      tags.push({ name, sha: derefObject!, annotated: true, tagObject: object, taggedAt: createdAt || null, committedAt: derefCommittedAt! });
    } else if (type === 'tag' && derefType === 'tag') {
      nested.push(name);
      tags.push({ name, sha: '', annotated: true, tagObject: object, taggedAt: createdAt || null, committedAt: '' });
    } else skipped.push(name);
  }
  if (nested.length > 0) {
    // A tag of a tag: `*` in the format peels one level only, so peel these few to their commit here.
    const peeled = new Map<string, { sha: string; committedAt: string } | null>();
    for (const name of nested) {
      const out = await runGit(repository, ['log', '-1', '--format=%H%x00%cI', `refs/tags/${name}^{commit}`]).catch(() => null);
      const [sha, committedAt] = out?.trim().split('\0') ?? [];
      peeled.set(name, sha && committedAt ? { sha, committedAt } : null);
    }
    for (let index = tags.length - 1; index >= 0; index--) {
      const tag = tags[index]!;
      if (!peeled.has(tag.name)) continue;
      const target = peeled.get(tag.name);
      if (target) Object.assign(tag, target);
      else {
        tags.splice(index, 1);
        skipped.push(tag.name);
      }
    }
  }
  return { tags, total, skipped, unmatched };
};

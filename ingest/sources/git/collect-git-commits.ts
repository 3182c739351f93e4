import { streamGit } from './stream-git';

/** A commit as `git log` printed it: what is stored as the raw `commit` payload. */
export type GitCommit = {
  sha: string;
  parents: string[];
  author: string;
  /** Author and committer dates, ISO 8601 with the offset the commit recorded. */
  authoredAt: string;
  committedAt: string;
  subject: string;
};

// Unit separator between fields; records end with NUL (-z). A subject cannot hold NUL and almost never \x1f.
const FORMAT = '--format=%H%x1f%P%x1f%an%x1f%aI%x1f%cI%x1f%s';

const parseGitCommit = (record: string): GitCommit => {
  const [sha = '', parents = '', author = '', authoredAt = '', committedAt = '', ...subject] = record.split('\x1f');
  return { sha, parents: parents ? parents.split(' ') : [], author, authoredAt, committedAt, subject: subject.join('\x1f') };
};

/**
 * Streams the commits `git log` selects with `revisions` (e.g. `v1..v2`, or a tip with `--since=…`), newest first,
 * one at a time.
 */
export async function* collectGitCommits(repository: string, revisions: readonly string[]): AsyncGenerator<GitCommit> {
  for await (const record of streamGit(repository, ['log', '-z', FORMAT, ...revisions, '--'])) {
    if (record) yield parseGitCommit(record.replace(/^\n/, ''));
  }
}

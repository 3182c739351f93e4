import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type CommitOptions = { authored: string; committed?: string; files?: Record<string, string> };

/** A real git repository in a temp folder, with every author, committer and tagger date set by the test. */
export type GitFixture = {
  root: string;
  /** The repository folder (its name is the default service name). */
  dir: string;
  git: (args: string[], dates?: { authored?: string; committed?: string }) => string;
  commit: (message: string, options: CommitOptions) => string;
  /** A lightweight tag, or an annotated one when `taggedAt` is given. */
  tag: (name: string, target?: string, taggedAt?: string) => void;
  sha: (rev: string) => string;
  cleanup: () => void;
};

// Isolated from the machine's git config (signing, hooks, default branch) so every run builds the same history.
const BASE_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

/** A new repository, or (`copyOf`) a copy of another fixture's repository: building a history once is much faster. */
export const createGitFixture = (name = 'payments', { bare = false, copyOf }: { bare?: boolean; copyOf?: GitFixture } = {}): GitFixture => {
  const root = mkdtempSync(join(tmpdir(), 'waymark-git-'));
  const dir = join(root, name);
  if (copyOf) cpSync(copyOf.dir, dir, { recursive: true });
  else mkdirSync(dir);
  const git: GitFixture['git'] = (args, dates = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...BASE_ENV, ...(dates.authored ? { GIT_AUTHOR_DATE: dates.authored } : {}), ...(dates.committed ? { GIT_COMMITTER_DATE: dates.committed } : {}) },
    }).trim();
  if (!copyOf) git(['init', '-q', '-b', 'main', ...(bare ? ['--bare'] : [])]);
  return {
    root,
    dir,
    git,
    commit: (message, { authored, committed = authored, files = {} }) => {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      git(['add', '-A']);
      git(['commit', '-q', '--allow-empty', '-m', message], { authored, committed });
      return git(['rev-parse', 'HEAD']);
    },
    tag: (name, target = 'HEAD', taggedAt) => {
      if (taggedAt) git(['tag', '-a', name, target, '-m', `release ${name}`], { committed: taggedAt });
      else git(['tag', name, target]);
    },
    sha: (rev) => git(['rev-parse', `${rev}^{commit}`]),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
};

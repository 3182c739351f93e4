import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { selectFactFiles } from '../../../lib/domain/select-fact-files';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

export type GitRepository = {
  dir: string;
  /** Writes (string) or deletes (null) files and commits them; returns the new HEAD. */
  commit: (changes: Record<string, string | null>, message?: string) => string;
  /** The repository's tree at HEAD as repository facts, with the contents of the files the globs select. */
  readFacts: (globs: readonly string[]) => { defaultBranch: string; headSha: string; paths: string[]; files: Record<string, string>; truncated: boolean };
  remove: () => void;
};

const git = (dir: string, args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();

/**
 * A real git repository in a temp folder, read back with git ls-tree / git show the way a git source would.
 * (When the git source lands on main, tests can switch to it; this keeps the scorecard tests on real trees now.)
 */
export const createGitRepository = (files: Record<string, string>): GitRepository => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-scorecard-'));
  git(dir, ['init', '-q', '-b', 'main']);
  const commit = (changes: Record<string, string | null>, message = 'change') => {
    for (const [path, content] of Object.entries(changes)) {
      const file = join(dir, path);
      if (content === null) unlinkSync(file);
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
    return git(dir, ['rev-parse', 'HEAD']);
  };
  commit(files, 'initial');
  return {
    dir,
    commit,
    readFacts: (globs) => {
      const paths = git(dir, ['ls-tree', '-r', '--name-only', 'HEAD']).split('\n').filter(Boolean);
      const selected = selectFactFiles(paths, globs);
      return {
        defaultBranch: git(dir, ['symbolic-ref', '--short', 'HEAD']),
        headSha: git(dir, ['rev-parse', 'HEAD']),
        paths,
        files: Object.fromEntries(selected.map((path) => [path, execFileSync('git', ['show', `HEAD:${path}`], { cwd: dir, env: GIT_ENV, encoding: 'utf8' })])),
        truncated: false,
      };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

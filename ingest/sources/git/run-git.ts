import { execFile } from 'node:child_process';
import { GIT_CONFIG_ARGS, GIT_ENV } from './git-env';

export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'GitCommandError';
  }
}

/** Runs a git command whose output is small (one sha, a few refs) and returns its stdout. */
export const runGit = (cwd: string, args: readonly string[], { input }: { input?: string } = {}): Promise<string> =>
  new Promise((resolveRun, reject) => {
    const child = execFile('git', [...GIT_CONFIG_ARGS, ...args], { cwd, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const code = typeof error.code === 'number' ? error.code : null;
        reject(code === null && (error as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('git is not installed (no `git` on PATH)') : new GitCommandError(args, code, stderr));
        return;
      }
      resolveRun(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });

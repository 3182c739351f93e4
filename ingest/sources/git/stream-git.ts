import { spawn } from 'node:child_process';
import { GIT_CONFIG_ARGS, GIT_ENV } from './git-env';
import { GitCommandError } from './run-git';

/**
 * Runs a git command and yields its output one record at a time (records end with `separator`, NUL for `-z`
 * output), reading stdout as a stream: a history of any length passes through without being held in memory.
 * Stopping the iteration early kills git.
 */
export async function* streamGit(cwd: string, args: readonly string[], separator = '\0'): AsyncGenerator<string> {
  const child = spawn('git', [...GIT_CONFIG_ARGS, ...args], { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolveExit, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error('git is not installed (no `git` on PATH)') : error));
    child.once('close', (code) => resolveExit(code));
  });
  // Avoid an unhandled rejection if git cannot start before the loop awaits `exited`.
  exited.catch(() => {});
  let finished = false;
  try {
    let pending = '';
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      pending += chunk;
      let end = pending.indexOf(separator);
      let start = 0;
      while (end !== -1) {
        yield pending.slice(start, end);
        start = end + separator.length;
        end = pending.indexOf(separator, start);
      }
      pending = pending.slice(start);
    }
    const code = await exited;
    if (code !== 0) throw new GitCommandError(args, code, stderr);
    if (pending.length > 0) yield pending;
    finished = true;
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
}

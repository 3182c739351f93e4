import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../ingest/cli/bin.js', import.meta.url));

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real `waymark` command in a child process, with only the given environment on top of PATH. */
export const runCli = (args: string[], { env = {}, stdin, cwd }: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}) =>
  new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      // Only what the test gives: the developer's own DATABASE_URL or WAYMARK_* must not leak into the child.
      env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });

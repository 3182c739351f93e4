import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The first free port in 3400–3499 (the range this suite may use on a shared machine). */
export const findFreePort = async (from = 3400, to = 3499): Promise<number> => {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
};

export type RunningServer = { url: string; stop: () => Promise<void> };

const waitForHealth = async (url: string, child: ChildProcess, logPath: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy; see ${logPath}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s; see ${logPath}`);
};

/** Starts `waymark serve` (the production server, which owns the embedded database) and waits until it is healthy. */
export const startServer = async ({
  root,
  dataDir,
  logDir,
  logName = 'server.log',
  env = {},
  timeoutMs = 120_000,
}: {
  root: string;
  dataDir: string;
  logDir: string;
  logName?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningServer> => {
  const port = await findFreePort();
  const logPath = join(logDir, logName);
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [join(root, 'ingest/cli/bin.js'), 'serve'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), WAYMARK_DATA_DIR: dataDir, WAYMARK_DEMO: 'off', LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitForHealth(url, child, logPath, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
};

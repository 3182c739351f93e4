import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { openDatabase, type DbHandle } from '../../lib/db/client';
import { ingestRuns } from '../../lib/db/schema';
import type { CliResult } from '../helpers/run-cli';
import { snapshotTables } from '../helpers/table-snapshot';
import { createTestDb } from '../helpers/test-db';

const BIN = fileURLToPath(new URL('../../ingest/cli/bin.js', import.meta.url));

/** A database the CLI opens in a child process, and the test opens between runs. */
export type KillTarget = {
  env: Record<string, string>;
  open: () => Promise<DbHandle>;
  release: (handle: DbHandle) => Promise<void>;
  cleanup: () => Promise<void>;
};

export const createKillTarget = async (backend: string): Promise<KillTarget> => {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-sigkill-'));
    return {
      env: { WAYMARK_DATA_DIR: dataDir },
      open: () => openDatabase({ backend: 'pglite', dataDir, owner: { role: 'cli', command: 'test' } }),
      release: (handle) => handle.close(),
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDb('postgres');
  return {
    env: { DATABASE_URL: database.url! },
    open: async () => database,
    release: async () => {},
    cleanup: () => database.close(),
  };
};

/** Starts `waymark …args` and SIGKILLs it after `delayMs`; resolves with how it ended. */
export const runAndKill = (args: string[], env: Record<string, string>, delayMs: number) =>
  new Promise<{ killed: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });

/**
 * After the kills: a rerun succeeds, its start closes every run a kill left `running` (as interrupted), and the
 * crashed database ends with exactly the rows of the clean run.
 */
export const expectRerunEqualsClean = async (
  crashed: KillTarget,
  rerun: () => Promise<CliResult>,
  expected: Awaited<ReturnType<typeof snapshotTables>>,
  leftRunning: number,
) => {
  const result = await rerun();
  expect(result, result.stderr).toMatchObject({ code: 0 });
  const handle = await crashed.open();
  const after = await snapshotTables(handle.db);
  const runs = await handle.db.select().from(ingestRuns);
  await crashed.release(handle);
  expect(after).toEqual(expected);
  expect(runs.filter((run) => run.status === 'running')).toEqual([]);
  expect(runs.filter((run) => run.status === 'interrupted').length).toBeGreaterThanOrEqual(leftRunning);
  expect(leftRunning, 'at least one kill must land inside the run').toBeGreaterThan(0);
};

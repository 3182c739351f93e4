import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../lib/db/client';
import { ingestRuns } from '../../lib/db/schema';
import { runCli } from '../helpers/run-cli';
import { countRows, snapshotTables } from '../helpers/table-snapshot';
import { createTestDb, TEST_BACKENDS } from '../helpers/test-db';
import { generateLargeImport } from './generate-large-import';

const BIN = fileURLToPath(new URL('../../ingest/cli/bin.js', import.meta.url));
// Large enough that a kill lands inside the import's transaction, small enough for a 2-core CI machine.
const RECORDS = 10_000;
const KILLS = 5;

/** A database the CLI opens in a child process, and the test opens between runs. */
type Target = { env: Record<string, string>; open: () => Promise<DbHandle>; release: (handle: DbHandle) => Promise<void>; cleanup: () => Promise<void> };

const createTarget = async (backend: string): Promise<Target> => {
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
  return { env: { DATABASE_URL: database.url! }, open: async () => database, release: async () => {}, cleanup: () => database.close() };
};

/** Starts `waymark ingest events file` and SIGKILLs it after `delayMs`; resolves with how it ended. */
const runAndKill = (args: string[], env: Record<string, string>, delayMs: number) =>
  new Promise<{ killed: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });

const DOMAIN = ['services', 'deployments', 'changes', 'deployment_changes', 'incidents', 'pipeline_runs', 'raw_payloads'];

/**
 * Issue 20, item 5: the CLI import of a large file is SIGKILLed at random points. The import is one transaction, so
 * after each kill the database holds nothing of it or all of it; the next start closes the `running` run as
 * interrupted; a rerun ends with exactly the rows of a clean run.
 */
for (const backend of TEST_BACKENDS) {
  describe(`SIGKILL during \`waymark ingest events\` [${backend}]`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'waymark-sigkill-file-'));
    const file = join(folder, 'large.ndjson');
    writeFileSync(file, generateLargeImport(RECORDS));
    const targets: Target[] = [];
    afterAll(async () => {
      for (const target of targets) await target.cleanup();
      rmSync(folder, { recursive: true, force: true });
    });

    it(`holds all or nothing after each of ${KILLS} kills, and a rerun equals a clean run`, async () => {
      const clean = await createTarget(backend);
      const crashed = await createTarget(backend);
      targets.push(clean, crashed);
      // Migrated first, so a kill during start-up finds the tables (empty) rather than no schema at all.
      for (const target of [clean, crashed]) await runCli(['migrate'], { env: target.env });

      // The clean run gives the expected rows and how long an import takes here, which places the kills.
      const started = Date.now();
      expect(await runCli(['ingest', 'events', file], { env: clean.env })).toMatchObject({ code: 0 });
      const cleanMs = Date.now() - started;
      const cleanHandle = await clean.open();
      const expected = await snapshotTables(cleanHandle.db);
      const full = await countRows(cleanHandle.db, 'deployments');
      await clean.release(cleanHandle);

      let killedRunning = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        // Spread over the run: the first kills usually land during start-up or early batches, later ones late in it.
        const delay = Math.round(cleanMs * (0.1 + (0.85 * (kill + Math.random())) / KILLS));
        const { killed } = await runAndKill(['ingest', 'events', file], crashed.env, delay);
        const handle = await crashed.open();
        const counts = await Promise.all(DOMAIN.map((table) => countRows(handle.db, table)));
        const runs = await handle.db.select().from(ingestRuns);
        await crashed.release(handle);
        const deployments = counts[DOMAIN.indexOf('deployments')]!;
        // All or nothing: an empty database, or every row of a complete import.
        if (deployments === 0) expect(counts, `kill ${kill} after ${delay} ms`).toEqual(DOMAIN.map(() => 0));
        else expect(deployments, `kill ${kill} after ${delay} ms`).toBe(full);
        if (killed && runs.some((run) => run.status === 'running')) killedRunning++;
      }

      const rerun = await runCli(['ingest', 'events', file], { env: crashed.env });
      expect(rerun, rerun.stderr).toMatchObject({ code: 0 });
      const handle = await crashed.open();
      const after = await snapshotTables(handle.db);
      const runs = await handle.db.select().from(ingestRuns);
      await crashed.release(handle);
      expect(after).toEqual(expected);
      // The rerun's start closed every run a kill left running; none survives.
      expect(runs.filter((run) => run.status === 'running')).toEqual([]);
      expect(runs.filter((run) => run.status === 'interrupted').length).toBeGreaterThanOrEqual(killedRunning);
      expect(killedRunning, 'at least one kill must land inside an import').toBeGreaterThan(0);
      console.log(`sigkill [${backend}]: clean import ${cleanMs} ms, ${KILLS} kills, ${killedRunning} left a running run, rerun equal`);
    }, 600_000);
  });
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestRuns } from '../../lib/db/schema';
import { runCli } from '../helpers/run-cli';
import { countRows, DOMAIN_TABLES, snapshotTables } from '../helpers/table-snapshot';
import { TEST_BACKENDS } from '../helpers/test-db';
import { generateLargeImport } from './generate-large-import';
import { createKillTarget, expectRerunEqualsClean, runAndKill, type KillTarget } from './kill-target';

// Large enough that a kill lands inside the import's transaction, small enough for a 2-core CI machine.
const RECORDS = 10_000;
const KILLS = 5;

// The tables an events import writes.
const DOMAIN = DOMAIN_TABLES.filter((table) => !['teams', 'pull_requests', 'facts'].includes(table));

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
    const targets: KillTarget[] = [];
    afterAll(async () => {
      for (const target of targets) await target.cleanup();
      rmSync(folder, { recursive: true, force: true });
    });

    it(`holds all or nothing after each of ${KILLS} kills, and a rerun equals a clean run`, async () => {
      const clean = await createKillTarget(backend);
      const crashed = await createKillTarget(backend);
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

      // Runs a kill left running (a later kill during start-up can find the same one still running).
      const leftRunning = new Set<string>();
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
        if (killed) for (const run of runs) if (run.status === 'running') leftRunning.add(run.id);
      }

      await expectRerunEqualsClean(
        crashed,
        () => runCli(['ingest', 'events', file], { env: crashed.env }),
        expected,
        leftRunning.size,
      );
      console.log(
        `sigkill [${backend}]: clean import ${cleanMs} ms, ${KILLS} kills, ${leftRunning.size} left a running run, rerun equal`,
      );
    }, 600_000);
  });
}

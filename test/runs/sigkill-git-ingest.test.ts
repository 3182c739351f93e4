import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../lib/db/client';
import { ingestRuns } from '../../lib/db/schema';
import { queryRows } from '../../lib/db/query-rows';
import { sql } from 'drizzle-orm';
import { buildGeneratedRepository } from '../helpers/build-generated-repository';
import { runCli } from '../helpers/run-cli';
import { snapshotTables } from '../helpers/table-snapshot';
import { TEST_BACKENDS } from '../helpers/test-db';
import { createKillTarget, expectRerunEqualsClean, runAndKill, type KillTarget } from './kill-target';

// A few seconds of ingest on a 2-core machine, so kills land in start-up, the commit walk and the deployment writes.
const COMMITS = 5_000;
const TAGS = 150;
const KILLS = 5;
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** How many commits each stored deployment carries: a deployment is written with all of its links or not at all. */
const linksByDeployment = async (db: Executor) =>
  new Map(
    (
      await queryRows<{ id: string; links: number }>(
        db,
        sql`select d.id, count(dc.change_id)::int as links from deployments d
            left join deployment_changes dc on dc.deployment_id = d.id group by d.id`,
      )
    ).map((row) => [row.id, row.links]),
  );

/**
 * Issue 20, item 5, for the git source: `waymark ingest git` of a generated repository is SIGKILLed at points spread
 * over a clean run. After each kill every stored deployment carries exactly the commits it carries after a clean
 * run; the next start closes the run a kill left `running`; a rerun ends with exactly the rows of a clean run.
 */
for (const backend of TEST_BACKENDS) {
  describe(`SIGKILL during \`waymark ingest git\` [${backend}]`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'waymark-sigkill-git-'));
    const repo = join(folder, 'ledger');
    const targets: KillTarget[] = [];
    afterAll(async () => {
      for (const target of targets) await target.cleanup();
      rmSync(folder, { recursive: true, force: true });
    });

    it(`leaves whole deployments after each of ${KILLS} kills, and a rerun equals a clean run`, async () => {
      const env = { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com' };
      await buildGeneratedRepository({ dir: repo, commits: COMMITS, tags: TAGS, env });
      const clean = await createKillTarget(backend);
      const crashed = await createKillTarget(backend);
      targets.push(clean, crashed);
      for (const target of [clean, crashed]) await runCli(['migrate'], { env: target.env });
      const args = ['ingest', 'git', repo];

      const started = Date.now();
      const first = await runCli(args, { env: { ...clean.env, ...GIT_ENV } });
      expect(first, first.stderr).toMatchObject({ code: 0 });
      const cleanMs = Date.now() - started;
      const cleanHandle = await clean.open();
      const expected = await snapshotTables(cleanHandle.db);
      const expectedLinks = await linksByDeployment(cleanHandle.db);
      await clean.release(cleanHandle);
      expect(expectedLinks.size).toBe(TAGS);

      // Runs a kill left running (a later kill during start-up can find the same one still running).
      const leftRunning = new Set<string>();
      let partial = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        const delay = Math.round(cleanMs * (0.1 + (0.85 * (kill + Math.random())) / KILLS));
        const { killed } = await runAndKill(args, { ...crashed.env, ...GIT_ENV }, delay);
        const handle = await crashed.open();
        const links = await linksByDeployment(handle.db);
        const runs = await handle.db.select().from(ingestRuns);
        await crashed.release(handle);
        for (const [id, count] of links) expect(count, `kill ${kill} after ${delay} ms: ${id}`).toBe(expectedLinks.get(id));
        if (links.size > 0 && links.size < TAGS) partial++;
        if (killed) for (const run of runs) if (run.status === 'running') leftRunning.add(run.id);
      }

      await expectRerunEqualsClean(crashed, () => runCli(args, { env: { ...crashed.env, ...GIT_ENV } }), expected, leftRunning.size);
      console.log(
        `sigkill git [${backend}]: clean ingest ${cleanMs} ms, ${KILLS} kills, ${leftRunning.size} left a running run, ` +
          `${partial} left part of the deployments, rerun equal`,
      );
    }, 600_000);
  });
}

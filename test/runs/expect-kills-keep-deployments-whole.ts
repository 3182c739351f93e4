import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Executor } from '../../lib/db/client';
import { ingestRuns } from '../../lib/db/schema';
import { queryRows } from '../../lib/db/query-rows';
import { runCli } from '../helpers/run-cli';
import { snapshotTables } from '../helpers/table-snapshot';
import { expectRerunEqualsClean, runAndKill, type KillTarget } from './kill-target';

/** How many commits each stored deployment carries. */
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

type KillPlan = {
  clean: KillTarget;
  crashed: KillTarget;
  /** The `waymark` command, and what it needs besides the database. */
  args: string[];
  env: Record<string, string>;
  kills: number;
  /** A source that writes deployments before it links them: an unlinked deployment is allowed after a kill. */
  linksLater?: boolean;
};

/**
 * Issue 20, item 5, for a source that is resumable rather than all-or-nothing: the command runs clean once, then is
 * SIGKILLed `kills` times at points spread over the clean run's length. After each kill every stored deployment
 * carries exactly the commits it carries after the clean run; then a rerun ends with the clean run's rows. Returns
 * the figures for the log.
 */
export const expectKillsKeepDeploymentsWhole = async ({
  clean,
  crashed,
  args,
  env,
  kills,
  linksLater = false,
}: KillPlan) => {
  for (const target of [clean, crashed]) await runCli(['migrate'], { env: target.env });
  const started = Date.now();
  const first = await runCli(args, { env: { ...clean.env, ...env } });
  expect(first, first.stderr).toMatchObject({ code: 0 });
  const cleanMs = Date.now() - started;
  const cleanHandle = await clean.open();
  const expected = await snapshotTables(cleanHandle.db);
  const expectedLinks = await linksByDeployment(cleanHandle.db);
  await clean.release(cleanHandle);

  // Runs a kill left running (a later kill during start-up can find the same one still running).
  const leftRunning = new Set<string>();
  let partial = 0;
  for (let kill = 0; kill < kills; kill++) {
    const delay = Math.round(cleanMs * (0.1 + (0.85 * (kill + Math.random())) / kills));
    const { killed } = await runAndKill(args, { ...crashed.env, ...env }, delay);
    const handle = await crashed.open();
    const links = await linksByDeployment(handle.db);
    const runs = await handle.db.select().from(ingestRuns);
    await crashed.release(handle);
    for (const [id, count] of links) {
      if (linksLater && count === 0) continue;
      expect(count, `kill ${kill} after ${delay} ms: ${id}`).toBe(expectedLinks.get(id));
    }
    if (links.size > 0 && links.size < expectedLinks.size) partial++;
    if (killed) for (const run of runs) if (run.status === 'running') leftRunning.add(run.id);
  }
  await expectRerunEqualsClean(
    crashed,
    () => runCli(args, { env: { ...crashed.env, ...env } }),
    expected,
    leftRunning.size,
  );
  return { cleanMs, deployments: expectedLinks.size, leftRunning: leftRunning.size, partial };
};

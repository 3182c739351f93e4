import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, expect, it } from 'vitest';
import { ingestRuns } from '../../lib/db/schema';
import { closeInterruptedRuns, INTERRUPTED_ERROR } from '../../lib/runs/close-interrupted-runs';
import { finishIngestRun, startIngestRun } from '../../lib/runs/record-ingest-run';
import { describeEachBackend } from '../helpers/test-db';

// A pid that certainly belongs to no process: one that has just exited.
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
afterAll(() => {
  live.kill('SIGKILL');
});

const run = (id: string, owner: string | null, startedAt = new Date()) => ({ id, job: 'events', source: 'events', status: 'running', owner, startedAt });

describeEachBackend('closeInterruptedRuns', ({ db, backend }) => {
  it('closes the runs of dead processes as interrupted and leaves live and finished ones alone', async () => {
    const here = hostname();
    await db().insert(ingestRuns).values([
      run('dead', `${here}:${deadPid()}`),
      run('live', `${here}:${live.pid}`),
      run('elsewhere', 'another-host:1'),
      run('old-unowned', null, new Date(Date.now() - 2 * 24 * 3600 * 1000)),
    ]);
    const finished = await startIngestRun(db(), { job: 'events', source: 'events', scope: 'x' });
    await finishIngestRun(db(), finished, { status: 'failed', error: 'refused' });

    const closed = await closeInterruptedRuns({ db: db(), backend });
    const rows = Object.fromEntries((await db().select().from(ingestRuns)).map((row) => [row.id, row]));
    // The embedded database belongs to one process at a time: whatever is still running there is dead.
    const expected = backend === 'pglite' ? ['dead', 'elsewhere', 'live', 'old-unowned'] : ['dead', 'old-unowned'];
    expect(closed).toBe(expected.length);
    for (const id of ['dead', 'live', 'elsewhere', 'old-unowned']) {
      expect(rows[id]!.status, id).toBe(expected.includes(id) ? 'interrupted' : 'running');
    }
    expect(rows.dead).toMatchObject({ error: INTERRUPTED_ERROR, finishedAt: expect.any(Date) });
    expect(rows[finished]).toMatchObject({ status: 'failed', error: 'refused' });
    expect(await closeInterruptedRuns({ db: db(), backend })).toBe(0);
  });

  it('stores a failed run whose error quotes NUL and lone surrogates', async () => {
    const id = await startIngestRun(db(), { job: 'events', source: 'events', scope: 'x' });
    expect((await db().select().from(ingestRuns))[0]!.owner).toBe(`${hostname()}:${process.pid}`);
    await finishIngestRun(db(), id, { status: 'failed', error: 'line 1: bad \u0000 and \ud800' });
    const [row] = await db().select().from(ingestRuns);
    expect(row).toMatchObject({ status: 'failed', error: 'line 1: bad \\u0000 and \ufffd' });
  });
});

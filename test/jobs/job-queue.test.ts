import { expect, it } from 'vitest';
import { createInProcessQueue } from '../../lib/jobs/create-in-process-queue';
import { createPgBossQueue } from '../../lib/jobs/create-pg-boss-queue';
import type { JobQueue } from '../../lib/jobs/job-queue';
import { describeEachBackend } from '../helpers/test-db';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachBackend('job queue', ({ backend, handle }) => {
  /** Two "processes" sharing the queue: two pg-boss instances on Postgres, the one in-process runner on PGlite. */
  const queues = async (): Promise<JobQueue[]> => {
    if (backend === 'pglite') return [createInProcessQueue()];
    return Promise.all([0, 1].map(() => createPgBossQueue({ url: handle().url!, pollingIntervalSeconds: 0.5, schedule: false })));
  };

  it('never runs two jobs with the same key at once, across workers', async () => {
    const running = new Map<string, number>();
    const ran = new Map<string, number>();
    let overlap = 0;
    const all = await queues();
    try {
      for (const queue of all) {
        await queue.work(
          'sync-test',
          async (data) => {
            const key = String(data.key);
            running.set(key, (running.get(key) ?? 0) + 1);
            if (running.get(key)! > 1) overlap++;
            await sleep(60);
            running.set(key, running.get(key)! - 1);
            ran.set(key, (ran.get(key) ?? 0) + 1);
          },
          { concurrency: 3 },
        );
      }
      const keys = ['a/one', 'a/two', 'a/three', 'b/one'];
      for (let round = 0; round < 3; round++) for (const key of keys) await all[round % all.length]!.send('sync-test', { key }, { singletonKey: key });
      for (let waited = 0; waited < 200 && keys.some((key) => !ran.has(key) || running.get(key)); waited++) await sleep(50);
      await sleep(backend === 'postgres' ? 1500 : 200);
      expect(overlap).toBe(0);
      expect([...ran.keys()].sort()).toEqual([...keys].sort());
      // One runs and at most one more waits per key: three sends give one or two runs, never three.
      for (const key of keys) expect(ran.get(key)).toBeLessThanOrEqual(2);
    } finally {
      await Promise.all(all.map((queue) => queue.stop()));
    }
  });
});

it('the in-process scheduler sends a job on each matching minute, once', async () => {
  let now = new Date('2026-11-21T10:14:59Z');
  const queue = createInProcessQueue({ tickMs: 5, now: () => now });
  const sent: string[] = [];
  await queue.work('scheduled', async () => {
    sent.push(now.toISOString());
  });
  await queue.schedule('scheduled', '*/15 * * * *');
  await sleep(30);
  expect(sent).toEqual([]);
  now = new Date('2026-11-21T10:15:00Z');
  await sleep(30);
  now = new Date('2026-11-21T10:15:30Z');
  await sleep(30);
  await queue.drain();
  expect(sent).toHaveLength(1);
  await expect(queue.schedule('scheduled', 'hourly')).rejects.toThrow(/cron/);
  await queue.stop();
});

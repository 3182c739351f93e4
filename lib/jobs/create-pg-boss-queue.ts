import PgBoss from 'pg-boss';
import { log } from '../observability/log';
import type { JobQueue } from './job-queue';

export type PgBossQueueOptions = {
  url: string;
  /** How often an idle worker looks for jobs; pg-boss's minimum is 0.5 s. */
  pollingIntervalSeconds?: number;
  /** pg-boss retries a failed job this many times (a webhook job that hit a network error, a sync cut short). */
  retryLimit?: number;
  /** Cron scheduling runs in this process too (pg-boss lets only one process send each tick). */
  schedule?: boolean;
};

/**
 * The server mode's queue: pg-boss in its own schema (`pgboss`) of the Waymark database. Queues use the `stately`
 * policy, so a job keyed by a repository runs at most once at a time across every worker process and machine, with at
 * most one more waiting behind it.
 */
// Several processes starting at once race to create pg-boss's schema and queues; Postgres then aborts one of them
// with a deadlock or a duplicate. Trying again after the winner is done is all it takes.
const RACE_CODES = new Set(['40P01', '23505', '42P07']);
const retryRace = async <T>(work: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || !RACE_CODES.has(String((error as { code?: unknown }).code))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
};

export const createPgBossQueue = async ({ url, pollingIntervalSeconds = 2, retryLimit = 3, schedule = true }: PgBossQueueOptions): Promise<JobQueue> => {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, schedule, supervise: true, application_name: 'waymark-jobs' });
  boss.on('error', (error) => log.error('job queue error', { error }));
  await retryRace(() => boss.start());
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await retryRace(() => boss.createQueue(name, { name, policy: 'stately', retryLimit, retryDelay: 5, retryBackoff: true }));
    created.add(name);
  };
  return {
    kind: 'pg-boss',
    send: async (name, data, options = {}) => {
      await ensureQueue(name);
      await boss.send(name, data, options.singletonKey ? { singletonKey: options.singletonKey } : {});
    },
    work: async (name, handler, options = {}) => {
      await ensureQueue(name);
      for (let index = 0; index < (options.concurrency ?? 1); index++) {
        await boss.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
          for (const job of jobs) await handler(job.data);
        });
      }
    },
    schedule: async (name, cron, data = {}) => {
      await ensureQueue(name);
      await boss.schedule(name, cron, data, { tz: 'UTC' });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
};

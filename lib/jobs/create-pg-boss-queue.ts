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
export const createPgBossQueue = async ({ url, pollingIntervalSeconds = 2, retryLimit = 3, schedule = true }: PgBossQueueOptions): Promise<JobQueue> => {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, schedule, supervise: true, application_name: 'waymark-jobs' });
  boss.on('error', (error) => log.error('job queue error', { error }));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name, { name, policy: 'stately', retryLimit, retryDelay: 5, retryBackoff: true });
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

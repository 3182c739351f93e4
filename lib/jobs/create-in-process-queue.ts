import { log } from '../observability/log';
import type { JobData, JobHandler, JobQueue, SendOptions } from './job-queue';
import { matchesCron } from './matches-cron';

type Queued = { data: JobData; key: string | null };
type Lane = { handler: JobHandler | null; concurrency: number; waiting: Queued[]; running: number; activeKeys: Set<string> };

export type InProcessQueue = JobQueue & {
  /** Resolves when nothing is waiting or running (tests, and a CLI that must finish its jobs). */
  drain: () => Promise<void>;
};

/**
 * The embedded mode's queue: jobs run in this process, with the same keyed exclusivity as pg-boss's `stately` policy
 * (one running and one waiting per key). Jobs are not durable; what must survive a restart is in the database
 * (webhook deliveries stay `received` until processed, and the worker re-enqueues them when it starts).
 */
export const createInProcessQueue = ({ tickMs = 60_000, now = () => new Date() } = {}): InProcessQueue => {
  const lanes = new Map<string, Lane>();
  const timers: NodeJS.Timeout[] = [];
  let idle: (() => void)[] = [];
  let stopped = false;

  const lane = (name: string) => {
    let found = lanes.get(name);
    if (!found) lanes.set(name, (found = { handler: null, concurrency: 1, waiting: [], running: 0, activeKeys: new Set() }));
    return found;
  };
  const busy = () => [...lanes.values()].some((entry) => entry.running > 0 || (entry.handler !== null && entry.waiting.length > 0));
  const settle = () => {
    if (busy()) return;
    const waiters = idle;
    idle = [];
    for (const resolve of waiters) resolve();
  };

  const pump = (name: string) => {
    const entry = lane(name);
    while (!stopped && entry.handler && entry.running < entry.concurrency) {
      const index = entry.waiting.findIndex((job) => !job.key || !entry.activeKeys.has(job.key));
      if (index < 0) break;
      const [job] = entry.waiting.splice(index, 1) as [Queued];
      entry.running++;
      if (job.key) entry.activeKeys.add(job.key);
      void entry
        .handler(job.data)
        .catch((error: unknown) => log.error('job failed', { job: name, error }))
        .finally(() => {
          entry.running--;
          if (job.key) entry.activeKeys.delete(job.key);
          pump(name);
          settle();
        });
    }
  };

  return {
    kind: 'in-process',
    send: async (name: string, data: JobData, options: SendOptions = {}) => {
      const entry = lane(name);
      const key = options.singletonKey ?? null;
      if (key && entry.waiting.some((job) => job.key === key)) return;
      entry.waiting.push({ data, key });
      pump(name);
    },
    work: async (name, handler, options = {}) => {
      const entry = lane(name);
      entry.handler = handler;
      entry.concurrency = options.concurrency ?? 1;
      pump(name);
    },
    schedule: async (name, cron, data = {}) => {
      if (matchesCron(cron, new Date(0)) === null) throw new Error(`"${cron}" is not a valid cron expression (five fields: minute hour day month weekday)`);
      let last = '';
      const tick = () => {
        const at = now();
        const minute = at.toISOString().slice(0, 16);
        if (minute !== last && matchesCron(cron, at)) {
          last = minute;
          lane(name).waiting.push({ data, key: null });
          pump(name);
        }
      };
      timers.push(setInterval(tick, Math.min(tickMs, 60_000)));
    },
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      while ([...lanes.values()].some((entry) => entry.running > 0)) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    drain: () => new Promise<void>((resolve) => {
      if (!busy()) resolve();
      else idle.push(resolve);
    }),
  };
};

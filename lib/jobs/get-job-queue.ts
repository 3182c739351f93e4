import type { JobQueue } from './job-queue';

// Like the database handle: the server opens the queue before Next starts, and route handlers (bundled separately)
// find it here. Absent (no worker in this process, `next dev`), jobs are not enqueued: webhook deliveries stay
// `received` in the database and the worker picks them up when it starts.
const globalForJobs = globalThis as unknown as { waymarkJobQueue?: JobQueue };

/** This process's job queue, if it has one. */
export const getJobQueue = (): JobQueue | null => globalForJobs.waymarkJobQueue ?? null;

export const setJobQueue = (queue: JobQueue | null) => {
  if (queue) globalForJobs.waymarkJobQueue = queue;
  else delete globalForJobs.waymarkJobQueue;
};

import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ingestRuns } from '../db/schema';
import { isRunOwnerDead } from './run-owner';

export const INTERRUPTED_ERROR = 'interrupted: the process running it ended before it finished (closed at the next start)';

// A run from before runs had owners is taken as dead once it is this old.
const UNOWNED_GRACE_MS = 24 * 3600 * 1000;

/**
 * Closes the runs whose process died (killed, crashed, the machine restarted) so none shows as running for ever: they
 * become `interrupted`. Called when a process opens the database. The embedded database is held by one process at a
 * time, so there every run still `running` is dead; on a Postgres server only runs owned by a dead process of this
 * host are (another host's runs are left to that host's next start). Returns how many were closed.
 */
export const closeInterruptedRuns = async ({ db, backend }: { db: Db; backend: 'pglite' | 'postgres' }) => {
  const running = await db.select({ id: ingestRuns.id, owner: ingestRuns.owner, startedAt: ingestRuns.startedAt }).from(ingestRuns).where(eq(ingestRuns.status, 'running'));
  const cutoff = Date.now() - UNOWNED_GRACE_MS;
  const dead = running.filter((run) => backend === 'pglite' || (run.owner ? isRunOwnerDead(run.owner) : run.startedAt.getTime() < cutoff)).map((run) => run.id);
  if (dead.length === 0) return 0;
  await db
    .update(ingestRuns)
    .set({ status: 'interrupted', finishedAt: new Date(), error: INTERRUPTED_ERROR })
    // Re-checked in the update: a run that finished meanwhile keeps its own ending.
    .where(and(inArray(ingestRuns.id, dead), eq(ingestRuns.status, 'running')));
  return dead.length;
};

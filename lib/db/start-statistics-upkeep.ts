import { describeError } from '../errors';
import { runEvery } from '../jobs/run-every';
import { log } from '../observability/log';
import { analyzeStaleTables } from './analyze-stale-tables';
import type { Executor } from './client';

/**
 * What autovacuum would do for the planner where none runs (the embedded database): every `intervalMs` (default a
 * minute) the tables that webhooks, syncs and imports changed enough are analyzed. A no-op where autovacuum runs.
 * Returns a function that stops it and waits for a run under way.
 */
export const startStatisticsUpkeep = ({ db, intervalMs = 60_000 }: { db: Executor; intervalMs?: number }) =>
  runEvery(intervalMs, async () => {
    try {
      const analyzed = await analyzeStaleTables(db);
      if (analyzed.length > 0) log.info('planner statistics refreshed', { tables: analyzed });
    } catch (error) {
      log.warn('planner statistics could not be refreshed', { error: describeError(error) });
    }
  });

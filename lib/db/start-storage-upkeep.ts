import { describeError } from '../errors';
import { runEvery } from '../jobs/run-every';
import { log } from '../observability/log';
import { analyzeStaleTables } from './analyze-stale-tables';
import { checkpointWithoutCheckpointer } from './checkpoint-without-checkpointer';
import type { Executor } from './client';

/**
 * What autovacuum and the checkpointer would do where none runs (the embedded database): every `intervalMs` (default
 * a minute) the tables that webhooks, syncs and imports changed enough are analyzed, and the write-ahead log they grew
 * is checkpointed and trimmed. A no-op on a server that runs both. Returns a function that stops it and waits for a
 * run under way.
 */
export const startStorageUpkeep = ({ db, intervalMs = 60_000 }: { db: Executor; intervalMs?: number }) =>
  runEvery(intervalMs, async () => {
    try {
      const analyzed = await analyzeStaleTables(db);
      if (analyzed.length > 0) log.info('planner statistics refreshed', { tables: analyzed });
      if (await checkpointWithoutCheckpointer(db)) log.info('write-ahead log checkpointed');
    } catch (error) {
      log.warn('storage upkeep failed', { error: describeError(error) });
    }
  });

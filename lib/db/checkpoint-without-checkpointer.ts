import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { queryRows } from './query-rows';

/**
 * Postgres's checkpointer ends each checkpoint by recycling or removing the write-ahead log it no longer needs. The
 * embedded database (PGlite: one process, no background workers) has none, so its log grows until it is closed: 161 MB
 * of a 280 MB data folder after a 50,000-record import. Where no checkpointer runs and more than a log segment has
 * been written since the last checkpoint, this checkpoints and removes the old segments instead of keeping them for
 * reuse (nothing will write that fast again soon: an import is over). Returns whether it checkpointed.
 */
export const checkpointWithoutCheckpointer = async (db: Executor): Promise<boolean> => {
  const [server] = await queryRows<{ checkpointer: boolean }>(
    db,
    sql`select exists (select 1 from pg_stat_activity where backend_type = 'checkpointer') as checkpointer`,
  );
  // A server checkpoints on its own, and may not let this role read the control file or checkpoint.
  if (server!.checkpointer) return false;
  const [log] = await queryRows<{ written: number; segment: number }>(
    db,
    sql`select (pg_current_wal_lsn() - (select redo_lsn from pg_control_checkpoint()))::float8 as written,
               pg_size_bytes(current_setting('wal_segment_size'))::float8 as segment`,
  );
  if (log!.written <= log!.segment) return false;
  await db.execute(sql`set wal_recycle = off`);
  await db.execute(sql`checkpoint`);
  return true;
};

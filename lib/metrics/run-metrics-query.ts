import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

/**
 * Runs a metrics statement in a transaction of its own with settings suited to it: no JIT (compiling a statement
 * this size costs seconds, more than running it) and enough memory for the percentile sorts to stay in memory.
 */
export const runMetricsQuery = <T>(db: Executor, query: SQL): Promise<T[]> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<T>(tx, query);
  });

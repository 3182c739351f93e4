import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { cacheByRevision } from '../db/cache-by-revision';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

const dialect = new PgDialect();

/**
 * Runs a metrics statement, the one place every metrics statement goes through: in a transaction of its own with
 * settings suited to it, no JIT (compiling a statement this size costs seconds, more than running it) and enough
 * memory for the percentile sorts to stay in memory. Its rows are shared by every caller asking the same statement
 * at the same data revision (cacheByRevision): many readers of one page cost one execution. Callers must not mutate
 * the rows they get.
 */
export const runMetricsQuery = <T>(db: Executor, query: SQL): Promise<T[]> => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return cacheByRevision(db, `metrics:${text}:${JSON.stringify(params)}`, () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '64MB'`);
      return queryRows<T>(tx, query);
    }),
  );
};

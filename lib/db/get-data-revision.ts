import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { queryRows } from './query-rows';

/**
 * The data revision (drizzle/0005): it grows with every committed transaction that wrote a table the dashboard
 * reads, and nothing else moves it. One small read of sixteen rows.
 */
export const getDataRevision = async (db: Executor): Promise<number> => {
  const [row] = await queryRows<{ revision: number }>(db, sql`select coalesce(sum(revision), 0)::float8 as revision from data_revision`);
  return row?.revision ?? 0;
};

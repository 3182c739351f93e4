import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { queryRows } from './query-rows';

/**
 * What every stored answer of a dashboard page depends on besides its request: the data revision (every write to a
 * table the pages read) and when the newest stored analysis was computed (the upkeep replaces analyses without
 * moving the revision, which is what they are computed from). One small read.
 */
export const getAnswerStamp = async (db: Executor): Promise<string> => {
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select (select coalesce(sum(revision), 0) from data_revision)::text || '/' ||
               coalesce((select max(computed_at) from stored_analyses)::text, '-') as stamp`,
  );
  return row!.stamp;
};

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type PayloadError = { source: string; kind: string; sourceId: string; error: string; fetchedAt: Date };

/** Raw payloads kept but not understood (the normalizer's reason is in `error`), newest first, and how many in all. */
export const listPayloadErrors = async ({ db, limit = 10 }: { db: Executor; limit?: number }): Promise<{ total: number; latest: PayloadError[] }> => {
  const [[count], latest] = await Promise.all([
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from raw_payloads where error is not null`),
    queryRows<Omit<PayloadError, 'fetchedAt'> & { fetchedAt: string }>(
      db,
      sql`select source, kind, source_id as "sourceId", error, fetched_at::text as "fetchedAt"
          from raw_payloads where error is not null order by fetched_at desc limit ${limit}`,
    ),
  ]);
  return { total: count!.total, latest: latest.map((row) => ({ ...row, fetchedAt: new Date(row.fetchedAt) })) };
};

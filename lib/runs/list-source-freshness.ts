import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type SourceFreshness = {
  source: string;
  lastRunAt: Date;
  lastStatus: string;
  lastSuccessAt: Date | null;
  lastError: string | null;
  requestsUsed: number | null;
  rateLimitRemaining: number | null;
  runs: number;
  failedRuns: number;
};

const toDate = (value: string | Date | null) => (value === null ? null : new Date(value));

/**
 * Per source: its latest top-level run (status, error, API requests used, rate limit left) and its last successful
 * one, which is how fresh that source's data is. Reads ingest_runs through its (source, started_at) index.
 */
export const listSourceFreshness = async ({ db }: { db: Executor }): Promise<SourceFreshness[]> => {
  const rows = await queryRows<Omit<SourceFreshness, 'lastRunAt' | 'lastSuccessAt'> & { lastRunAt: string; lastSuccessAt: string | null }>(
    db,
    sql`select distinct on (r.source)
               r.source,
               r.started_at::text as "lastRunAt",
               r.status as "lastStatus",
               r.error as "lastError",
               r.requests_used as "requestsUsed",
               r.rate_limit_remaining as "rateLimitRemaining",
               (select max(coalesce(s.finished_at, s.started_at))::text from ingest_runs s
                 where s.source = r.source and s.status = 'success') as "lastSuccessAt",
               (select count(*)::int from ingest_runs c where c.source = r.source and c.parent_id is null) as runs,
               (select count(*)::int from ingest_runs f where f.source = r.source and f.parent_id is null and f.status = 'failed') as "failedRuns"
        from ingest_runs r
        where r.parent_id is null
        order by r.source, r.started_at desc`,
  );
  return rows.map((row) => ({ ...row, lastRunAt: new Date(row.lastRunAt), lastSuccessAt: toDate(row.lastSuccessAt) }));
};

import { sql } from 'drizzle-orm';
import { cacheByRevision } from '../db/cache-by-revision';
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
  /** The newest deployment, incident, commit or pipeline run this source stored: how current its data is. */
  newestEventAt: Date | null;
};

const toDate = (value: string | Date | null) => (value === null ? null : new Date(value));

/**
 * Per source: its latest top-level run (status, error, API requests used, rate limit left) and its last successful
 * one, which is how fresh that source's data is, beside the newest event it stored (a run today can hold nothing
 * newer than last year). Reads ingest_runs through its (source, started_at) index.
 */
// One pass over each domain table, shared by every reader until the next write (a run finishing is a write).
const listNewestEvents = (db: Executor) =>
  cacheByRevision(db, 'freshness:newest-events', () =>
    queryRows<{ source: string; at: string }>(
      db,
      sql`select source, max(at)::text as at from (
            select source, max(finished_at) as at from deployments group by source
            union all select source, max(opened_at) from incidents group by source
            union all select source, max(authored_at) from changes group by source
            union all select source, max(coalesce(finished_at, started_at)) from pipeline_runs group by source
          ) newest where at is not null group by source`,
    ),
  );

export const listSourceFreshness = async ({ db }: { db: Executor }): Promise<SourceFreshness[]> => {
  const newest = new Map((await listNewestEvents(db)).map((row) => [row.source, new Date(row.at)]));
  const rows = await queryRows<Omit<SourceFreshness, 'lastRunAt' | 'lastSuccessAt' | 'newestEventAt'> & { lastRunAt: string; lastSuccessAt: string | null }>(
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
  return rows.map((row) => ({
    ...row,
    lastRunAt: new Date(row.lastRunAt),
    lastSuccessAt: toDate(row.lastSuccessAt),
    newestEventAt: newest.get(row.source) ?? null,
  }));
};

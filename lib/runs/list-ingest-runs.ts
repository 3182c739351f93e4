import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type IngestRunRow = {
  id: string;
  job: string;
  source: string;
  scope: string | null;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Record<string, number>;
  error: string | null;
  requestsUsed: number | null;
  rateLimitRemaining: number | null;
  children: number;
};

/** The latest top-level runs, newest first, with how many per-repository runs each grouped; errors are already redacted. */
export const listIngestRuns = async ({ db, limit = 20 }: { db: Executor; limit?: number }): Promise<IngestRunRow[]> => {
  const rows = await queryRows<Omit<IngestRunRow, 'startedAt' | 'finishedAt'> & { startedAt: string; finishedAt: string | null }>(
    db,
    sql`select r.id, r.job, r.source, r.scope, r.status,
               r.started_at::text as "startedAt", r.finished_at::text as "finishedAt",
               r.counts, r.error, r.requests_used as "requestsUsed", r.rate_limit_remaining as "rateLimitRemaining",
               (select count(*)::int from ingest_runs c where c.parent_id = r.id) as children
        from ingest_runs r
        where r.parent_id is null
        order by r.started_at desc
        limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, startedAt: new Date(row.startedAt), finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt) }));
};

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { AppError } from '../errors';
import { BUCKETS, type Bucket } from './list-buckets';

/**
 * Per service and bucket, the last snapshot inside the bucket (a week's state is its last day's), from the daily
 * snapshots between two days; optionally one team's services.
 */
export const loadBucketedSnapshots = async (db: Executor, { from, to, bucket, team }: { from: string; to: string; bucket: Bucket; team?: string }) => {
  if (!BUCKETS.includes(bucket)) throw new AppError('USAGE', `bucket: expected one of ${BUCKETS.join(', ')}`);
  // Inlined, not a parameter: DISTINCT ON and ORDER BY must be the same expression, and each parameter is its own.
  const bucketOf = sql.raw(bucket === 'day' ? 's.day' : `date_trunc('${bucket}', s.day::timestamp)::date`);
  return queryRows<{ service: string; bucket: string; level: string | null; statuses: Record<string, string> }>(
    db,
    sql`select distinct on (s.service, ${bucketOf}) s.service, (${bucketOf})::text as bucket, s.level, s.statuses
        from scorecard_snapshots s ${team !== undefined ? sql`join services v on v.name = s.service and v.team = ${team}` : sql``}
        where s.day between ${from}::date and ${to}::date
        order by s.service, ${bucketOf}, s.day desc`,
  );
};

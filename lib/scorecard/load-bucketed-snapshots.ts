import { sql } from 'drizzle-orm';
import { cacheByRevision } from '../db/cache-by-revision';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { toArrayLiteral } from '../db/to-array-literal';
import { formatDay } from './format-day';
import { listBuckets, type Bucket } from './list-buckets';
import { DAY_MS } from '../format/time-units';

// A day without a snapshot (nobody evaluated that day) shows the service's state from the days before, for up to a week.
const CARRY_DAYS = 6;

/**
 * Per bucket and service, the service's state at the bucket's end: its last daily snapshot up to then (and up to
 * `to`), carried over a gap of up to a week, so a day nobody evaluated is not a hole in the trend. Optionally one
 * team's services, or only the named ones. Shared per data revision by the trend charts of every reader (callers must
 * not mutate the rows).
 */
export const loadBucketedSnapshots = async (
  db: Executor,
  { from, to, bucket, team, services }: { from: string; to: string; bucket: Bucket; team?: string; services?: readonly string[] },
) => {
  const buckets = listBuckets(from, to, bucket).map(
    ({ start, end }) => sql`(${start}::date, ${formatDay(new Date(Date.parse(`${start}T00:00:00Z`) - CARRY_DAYS * DAY_MS))}::date, ${end}::date)`,
  );
  if (buckets.length === 0) return [];
  const key = `bucketed-snapshots:${from}:${to}:${bucket}:${team ?? '*'}`;
  type Row = { service: string; bucket: string; level: string | null; statuses: Record<string, string> };
  return cacheByRevision(db, key, () =>
    queryRows<Row>(
      db,
      sql`select distinct on (b.start, s.service) s.service, b.start::text as bucket, s.level, s.statuses
        from (values ${sql.join(buckets, sql`, `)}) as b(start, look_from, stop)
        join scorecard_snapshots s on s.day >= b.look_from and s.day <= b.stop
        ${team !== undefined ? sql`join services v on v.name = s.service and v.team = ${team}` : sql``}
        ${services !== undefined ? sql`where s.service = any(${toArrayLiteral(services)}::text[])` : sql``}
        order by b.start, s.service, s.day desc`,
    ),
  );
};

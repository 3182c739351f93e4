import { UNRANKED } from './compute-scorecard-summary';
import { formatDay } from './format-day';
import type { SeriesOptions } from './get-adoption-series';
import { getStandards } from './get-standards';
import { listBuckets, type Bucket } from './list-buckets';
import { loadBucketedSnapshots } from './load-bucketed-snapshots';

export type LevelDistributionSeries = {
  bucket: Bucket;
  /** `unranked` first, then the standards' levels lowest first (and any level only older snapshots name). */
  levels: string[];
  points: { bucket: string; services: number; counts: Record<string, number> }[];
};

/** How many services were at each level, per bucket, from the daily snapshots (each service's last one in the bucket). */
export const getLevelDistributionSeries = async ({ db, from, to, bucket = 'week', team, standards = getStandards() }: SeriesOptions): Promise<LevelDistributionSeries> => {
  const [first, last] = [formatDay(from), formatDay(to)];
  const rows = await loadBucketedSnapshots(db, { from: first, to: last, bucket, team });
  const levels = [UNRANKED, ...standards.levels];
  for (const row of rows) if (row.level && !levels.includes(row.level)) levels.push(row.level);
  const points = listBuckets(first, last, bucket).map(({ start }) => {
    const counts = Object.fromEntries(levels.map((level) => [level, 0]));
    let services = 0;
    for (const row of rows) {
      if (row.bucket !== start) continue;
      counts[row.level ?? UNRANKED]!++;
      services++;
    }
    return { bucket: start, services, counts };
  });
  return { bucket, levels, points };
};

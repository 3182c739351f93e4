import { and, asc, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { checkDefinitions } from '../db/schema';
import { countStatuses, type StatusCounts } from './count-statuses';
import { formatDay } from './format-day';
import { getStandards } from './get-standards';
import { listBuckets, type Bucket } from './list-buckets';
import { loadBucketedSnapshots } from './load-bucketed-snapshots';
import type { Standards } from './standards-schema';

export type AdoptionPoint = StatusCounts & { bucket: string; applicable: number; share: number | null };

export type AdoptionSeries = {
  bucket: Bucket;
  buckets: string[];
  checks: { id: string; title: string; level: string; category: string; points: AdoptionPoint[] }[];
  /** Days a check's definition changed: a jump on such a day is the rule's doing, not the services'. */
  ruleChanges: { checkId: string; hash: string; day: string }[];
};

export type SeriesOptions = { db: Executor; from: Date | string; to: Date | string; bucket?: Bucket; team?: string; standards?: Standards };

/**
 * Per check of the standards and per bucket (day, week or month), how many services the check applied to and the
 * share of them passing (pass / applicable; exempt and unknown are applicable and not passing), from the daily
 * snapshots; a bucket counts each service's last snapshot in it.
 */
export const getAdoptionSeries = async ({ db, from, to, bucket = 'week', team, standards = getStandards() }: SeriesOptions): Promise<AdoptionSeries> => {
  const [first, last] = [formatDay(from), formatDay(to)];
  const buckets = listBuckets(first, last, bucket).map(({ start }) => start);
  const rows = await loadBucketedSnapshots(db, { from: first, to: last, bucket, team });
  const ids = standards.checks.map((check) => check.id);
  const definitions = await db
    .select({ checkId: checkDefinitions.checkId, hash: checkDefinitions.hash, firstSeenAt: checkDefinitions.firstSeenAt })
    .from(checkDefinitions)
    .where(and(inArray(checkDefinitions.checkId, ids), lte(checkDefinitions.firstSeenAt, new Date(`${last}T23:59:59.999Z`))))
    .orderBy(asc(checkDefinitions.firstSeenAt));
  // The first definition of a check is its introduction; every later one is a change of rule.
  const ruleChanges = definitions
    .filter((definition, index) => definitions.findIndex((other) => other.checkId === definition.checkId) !== index)
    .map((definition) => ({ checkId: definition.checkId, hash: definition.hash, day: formatDay(definition.firstSeenAt) }))
    .filter((change) => change.day >= first);
  const byBucket = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byBucket.get(row.bucket);
    if (list) list.push(row);
    else byBucket.set(row.bucket, [row]);
  }
  const checks = standards.checks.map((check) => ({
    id: check.id,
    title: check.title,
    level: check.level,
    category: check.category,
    points: buckets.map((start) => {
      const counts = countStatuses((byBucket.get(start) ?? []).flatMap((row) => row.statuses[check.id] ?? []));
      const applicable = counts.pass + counts.fail + counts.exempt + counts.unknown;
      return { bucket: start, ...counts, applicable, share: applicable === 0 ? null : Math.round((counts.pass / applicable) * 10_000) / 10_000 };
    }),
  }));
  return { bucket, buckets, checks, ruleChanges };
};

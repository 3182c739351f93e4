import { listServices } from '../catalog/list-services';
import type { Executor } from '../db/client';
import { UNRANKED } from '../scorecard/compute-scorecard-summary';
import { formatDay } from '../scorecard/format-day';
import { listBuckets, type Bucket } from '../scorecard/list-buckets';
import { loadBucketedSnapshots } from '../scorecard/load-bucketed-snapshots';
import type { Standards } from '../scorecard/standards-schema';

export type LevelCounts = Record<string, number>;
export type MaturityTeam = {
  team: string;
  /** Per bucket, how many of the team's services were at each level (each service's last snapshot in the bucket). */
  points: { bucket: string; services: number; counts: LevelCounts }[];
  /** Per check of the standards, passing / applicable in the last bucket; null when it applies to none. */
  checks: Record<string, { pass: number; applicable: number; share: number | null }>;
};
export type MaturityReport = { bucket: Bucket; buckets: string[]; levels: string[]; teams: MaturityTeam[] };

const NO_TEAM = '(no team)';

/**
 * Leadership's maturity report: per team and bucket (month by default), the services at each level, and per team
 * and check the share passing at the end of the period, all from the daily snapshots (as the Adoption page). A
 * service counts with its current team; services without one form "(no team)".
 */
export const getMaturityReport = async ({ db, from, to, bucket = 'month', standards }: { db: Executor; from: Date | string; to: Date | string; bucket?: Bucket; standards: Standards }): Promise<MaturityReport> => {
  const [first, last] = [formatDay(from), formatDay(to)];
  const buckets = listBuckets(first, last, bucket).map(({ start }) => start);
  const [rows, services] = await Promise.all([loadBucketedSnapshots(db, { from: first, to: last, bucket }), listServices({ db })]);
  const teamOf = new Map(services.map((service) => [service.name, service.team ?? NO_TEAM]));
  const levels = [UNRANKED, ...standards.levels];
  const teams = [...new Set(rows.map((row) => teamOf.get(row.service) ?? NO_TEAM))].sort((a, b) => (a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a.localeCompare(b)));
  return {
    bucket,
    buckets,
    levels,
    teams: teams.map((team) => {
      const own = rows.filter((row) => (teamOf.get(row.service) ?? NO_TEAM) === team);
      const points = buckets.map((start) => {
        const counts: LevelCounts = Object.fromEntries(levels.map((level) => [level, 0]));
        const inBucket = own.filter((row) => row.bucket === start);
        for (const row of inBucket) counts[row.level && levels.includes(row.level) ? row.level : UNRANKED]!++;
        return { bucket: start, services: inBucket.length, counts };
      });
      const latest = own.filter((row) => row.bucket === buckets.at(-1));
      const checks = Object.fromEntries(
        standards.checks.map((check) => {
          const statuses = latest.map((row) => row.statuses[check.id]).filter((status) => status !== undefined && status !== 'skip');
          const pass = statuses.filter((status) => status === 'pass').length;
          return [check.id, { pass, applicable: statuses.length, share: statuses.length === 0 ? null : Math.round((pass / statuses.length) * 10_000) / 10_000 }];
        }),
      );
      return { team, points, checks };
    }),
  };
};

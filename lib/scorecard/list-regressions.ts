import { asc, gte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { scorecardSnapshots, services } from '../db/schema';
import { UNRANKED } from './compute-scorecard-summary';
import { formatDay } from './format-day';
import { getStandards } from './get-standards';
import { loadLatestCheckResults } from './load-latest-check-results';
import type { Standards } from './standards-schema';
import type { Evidence } from './scorecard-types';
import { DAY_MS } from '../format/time-units';

export type Regression =
  | {
      kind: 'check';
      service: string;
      team: string | null;
      checkId: string;
      title: string | null;
      from: 'pass';
      to: 'fail';
      at: string;
      /** `rule`: the check's definition changed with this result; `service`: the service changed under the same rule. */
      cause: 'rule' | 'service';
      evidence: Evidence;
      /** The check's status now: a regression may have been fixed since. */
      current: string | null;
    }
  | { kind: 'level'; service: string; team: string | null; from: string; to: string; day: string };

const ISO = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Services that went backwards since a moment: a check whose result went from pass to fail (with whether the
 * rule or the service changed), or a level lower than the day before. Newest first.
 */
export const listRegressions = async ({ db, since, team, standards = getStandards() }: { db: Executor; since: Date; team?: string; standards?: Standards }): Promise<Regression[]> => {
  const teamOf = new Map((await db.select({ name: services.name, team: services.team }).from(services)).map((row) => [row.name, row.team]));
  const inTeam = (service: string) => team === undefined || teamOf.get(service) === team;
  const titles = new Map(standards.checks.map((check) => [check.id, check.title]));

  const failed = await queryRows<{ service: string; check_id: string; at: string; evidence: Evidence; check_hash: string; previous_hash: string }>(
    db,
    sql`select r.service, r.check_id, ${ISO('r.evaluated_at')} as at, r.evidence, r.check_hash, p.check_hash as previous_hash
        from check_results r
        join lateral (
          select q.status, q.check_hash from check_results q
          where q.service = r.service and q.check_id = r.check_id and (q.evaluated_at, q.id) < (r.evaluated_at, r.id)
          order by q.evaluated_at desc, q.id desc limit 1
        ) p on p.status = 'pass'
        where r.evaluated_at >= ${since.toISOString()}::timestamptz and r.status = 'fail'`,
  );
  const latest = await loadLatestCheckResults(db, null);
  const checkRegressions: Regression[] = failed
    .filter((row) => inTeam(row.service))
    .map((row) => ({
      kind: 'check',
      service: row.service,
      team: teamOf.get(row.service) ?? null,
      checkId: row.check_id,
      title: titles.get(row.check_id) ?? null,
      from: 'pass',
      to: 'fail',
      at: row.at,
      cause: row.check_hash === row.previous_hash ? 'service' : 'rule',
      evidence: row.evidence,
      current: latest.get(`${row.service}|${row.check_id}`)?.status ?? null,
    }));

  const rank = (level: string | null) => (level === null || level === UNRANKED ? -1 : standards.levels.indexOf(level));
  const snapshots = await db
    .select({ service: scorecardSnapshots.service, day: scorecardSnapshots.day, level: scorecardSnapshots.level })
    .from(scorecardSnapshots)
    .where(gte(scorecardSnapshots.day, formatDay(new Date(since.getTime() - DAY_MS))))
    .orderBy(asc(scorecardSnapshots.service), asc(scorecardSnapshots.day));
  const levelRegressions: Regression[] = [];
  snapshots.forEach((snapshot, index) => {
    const previous = snapshots[index - 1];
    if (!previous || previous.service !== snapshot.service || !inTeam(snapshot.service) || snapshot.day < formatDay(since)) return;
    const [before, after] = [rank(previous.level), rank(snapshot.level)];
    if (after < before && (after >= 0 || snapshot.level === UNRANKED)) {
      levelRegressions.push({ kind: 'level', service: snapshot.service, team: teamOf.get(snapshot.service) ?? null, from: previous.level ?? UNRANKED, to: snapshot.level ?? UNRANKED, day: snapshot.day });
    }
  });
  const when = (regression: Regression) => (regression.kind === 'check' ? regression.at : `${regression.day}T23:59:59.999Z`);
  return [...checkRegressions, ...levelRegressions].sort((a, b) => when(b).localeCompare(when(a)));
};

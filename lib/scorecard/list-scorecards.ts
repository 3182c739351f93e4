import type { Executor } from '../db/client';
import { countStatuses, type StatusCounts } from './count-statuses';
import { ensureScorecardsFresh } from './ensure-scorecards-fresh';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

export type ScorecardSummaryRow = { service: string; team: string | null; lifecycle: string | null; level: string; score: number | null; counts: StatusCounts; day: string };

/** One summary row per service (level, score, counts by status), optionally for one team, ordered by team and name. */
export const listScorecards = async ({ db, team, standards = getStandards(), now = new Date() }: { db: Executor; team?: string; standards?: Standards; now?: Date }): Promise<ScorecardSummaryRow[]> => {
  await ensureScorecardsFresh({ db, standards, now });
  const current = new Set(standards.checks.map((check) => check.id));
  const rows = await loadLatestSnapshots(db, team);
  return rows
    .map((row) => {
      const counts = countStatuses(Object.entries(row.statuses).flatMap(([checkId, status]) => (current.has(checkId) ? [status] : [])));
      return { service: row.service, team: row.team, lifecycle: row.lifecycle, level: row.level ?? 'unranked', score: row.score, counts, day: row.day };
    })
    .sort((a, b) => (a.team ?? '').localeCompare(b.team ?? '') || a.service.localeCompare(b.service));
};

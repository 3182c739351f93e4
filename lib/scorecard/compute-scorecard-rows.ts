import { countStatuses, type StatusCounts } from './count-statuses';
import type { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

export type ScorecardSummaryRow = { service: string; team: string | null; lifecycle: string | null; level: string; score: number | null; counts: StatusCounts; day: string };

type Snapshot = Awaited<ReturnType<typeof loadLatestSnapshots>>[number];

/** One summary row per snapshot (level, score, counts by status of the current checks), by team and name. */
export const computeScorecardRows = (snapshots: readonly Snapshot[], standards: Standards): ScorecardSummaryRow[] => {
  const current = new Set(standards.checks.map((check) => check.id));
  return snapshots
    .map((row) => {
      const counts = countStatuses(Object.entries(row.statuses).flatMap(([checkId, status]) => (current.has(checkId) ? [status] : [])));
      return { service: row.service, team: row.team, lifecycle: row.lifecycle, level: row.level ?? 'unranked', score: row.score, counts, day: row.day };
    })
    .sort((a, b) => (a.team ?? '').localeCompare(b.team ?? '') || a.service.localeCompare(b.service));
};

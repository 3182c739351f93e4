import type { Executor } from '../db/client';
import { computeCheckSummary, type CheckSummary } from './compute-check-summary';
import { computeScorecardRows, type ScorecardSummaryRow } from './compute-scorecard-rows';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

/**
 * What the overview's adoption card shows, from one read of the latest snapshots: every service's summary row
 * (listScorecards) and every check's counts (getCheckSummary).
 */
export const getAdoptionSummary = async ({ db, team, standards = getStandards() }: { db: Executor; team?: string; standards?: Standards }): Promise<{ scorecards: ScorecardSummaryRow[]; checks: CheckSummary[] }> => {
  const snapshots = await loadLatestSnapshots(db, team);
  return { scorecards: computeScorecardRows(snapshots, standards), checks: computeCheckSummary(snapshots, standards) };
};

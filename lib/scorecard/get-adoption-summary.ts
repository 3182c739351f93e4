import type { Executor } from '../db/client';
import { computeCheckSummary, type CheckSummary } from './compute-check-summary';
import { computeScorecardRows, type ScorecardSummaryRow } from './compute-scorecard-rows';
import { ensureScorecardsFresh } from './ensure-scorecards-fresh';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

/**
 * What the overview's adoption card shows, from one read of the latest snapshots: every service's summary row
 * (listScorecards) and every check's counts (getCheckSummary).
 */
export const getAdoptionSummary = async ({ db, team, standards = getStandards(), now = new Date() }: { db: Executor; team?: string; standards?: Standards; now?: Date }): Promise<{ scorecards: ScorecardSummaryRow[]; checks: CheckSummary[] }> => {
  await ensureScorecardsFresh({ db, standards, now });
  const snapshots = await loadLatestSnapshots(db, team);
  return { scorecards: computeScorecardRows(snapshots, standards), checks: computeCheckSummary(snapshots, standards) };
};

import type { Executor } from '../db/client';
import { computeScorecardRows, type ScorecardSummaryRow } from './compute-scorecard-rows';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

export type { ScorecardSummaryRow };

/** One summary row per service (level, score, counts by status), optionally for one team, ordered by team and name. */
export const listScorecards = async ({ db, team, standards = getStandards() }: { db: Executor; team?: string; standards?: Standards }): Promise<ScorecardSummaryRow[]> => {
  return computeScorecardRows(await loadLatestSnapshots(db, team), standards);
};

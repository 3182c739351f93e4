import type { Executor } from '../db/client';
import { computeScorecardRows, type ScorecardSummaryRow } from './compute-scorecard-rows';
import { ensureScorecardsFresh } from './ensure-scorecards-fresh';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

export type { ScorecardSummaryRow };

/** One summary row per service (level, score, counts by status), optionally for one team, ordered by team and name. */
export const listScorecards = async ({ db, team, standards = getStandards(), now = new Date() }: { db: Executor; team?: string; standards?: Standards; now?: Date }): Promise<ScorecardSummaryRow[]> => {
  await ensureScorecardsFresh({ db, standards, now });
  return computeScorecardRows(await loadLatestSnapshots(db, team), standards);
};

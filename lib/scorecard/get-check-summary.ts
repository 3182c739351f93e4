import type { Executor } from '../db/client';
import { computeCheckSummary, type CheckSummary } from './compute-check-summary';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

export type { CheckSummary };

/** Per check of the standards, how many services pass, fail, are exempt, skipped or unknown today. */
export const getCheckSummary = async ({ db, team, standards = getStandards() }: { db: Executor; team?: string; standards?: Standards }): Promise<CheckSummary[]> => {
  return computeCheckSummary(await loadLatestSnapshots(db, team), standards);
};

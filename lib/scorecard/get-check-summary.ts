import type { Executor } from '../db/client';
import { countStatuses, type StatusCounts } from './count-statuses';
import { ensureScorecardsFresh } from './ensure-scorecards-fresh';
import { getStandards } from './get-standards';
import { loadLatestSnapshots } from './load-latest-snapshots';
import type { Standards } from './standards-schema';

export type CheckSummary = {
  id: string;
  title: string;
  level: string;
  category: string;
  counts: StatusCounts;
  /** Services the check applies to (every status but skip). */
  applicable: number;
  /** pass / applicable, or null when it applies to no service. */
  passRate: number | null;
};

/** Per check of the standards, how many services pass, fail, are exempt, skipped or unknown today. */
export const getCheckSummary = async ({ db, team, standards = getStandards(), now = new Date() }: { db: Executor; team?: string; standards?: Standards; now?: Date }): Promise<CheckSummary[]> => {
  await ensureScorecardsFresh({ db, standards, now });
  const rows = await loadLatestSnapshots(db, team);
  return standards.checks.map((check) => {
    const counts = countStatuses(rows.flatMap((row) => row.statuses[check.id] ?? []));
    const applicable = counts.pass + counts.fail + counts.exempt + counts.unknown;
    return { id: check.id, title: check.title, level: check.level, category: check.category, counts, applicable, passRate: applicable === 0 ? null : Math.round((counts.pass / applicable) * 10_000) / 10_000 };
  });
};

import { countStatuses, type StatusCounts } from './count-statuses';
import type { loadLatestSnapshots } from './load-latest-snapshots';
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

type Snapshot = Awaited<ReturnType<typeof loadLatestSnapshots>>[number];

/** Per check of the standards, how many of the snapshots pass, fail, are exempt, skipped or unknown. */
export const computeCheckSummary = (snapshots: readonly Snapshot[], standards: Standards): CheckSummary[] =>
  standards.checks.map((check) => {
    const counts = countStatuses(snapshots.flatMap((row) => row.statuses[check.id] ?? []));
    const applicable = counts.pass + counts.fail + counts.exempt + counts.unknown;
    return { id: check.id, title: check.title, level: check.level, category: check.category, counts, applicable, passRate: applicable === 0 ? null : Math.round((counts.pass / applicable) * 10_000) / 10_000 };
  });

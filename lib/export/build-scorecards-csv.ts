import type { Executor } from '../db/client';
import { loadLatestSnapshots } from '../scorecard/load-latest-snapshots';
import { listScorecards } from '../scorecard/list-scorecards';
import type { Standards } from '../scorecard/standards-schema';
import { toCsv } from './to-csv';

/**
 * The services table with their scorecards as CSV: one row per service (the rows of listScorecards, same filter),
 * its level, score and counts, then one column per check of the standards with that check's status.
 */
export const buildScorecardsCsv = async ({ db, team, standards }: { db: Executor; team?: string; standards: Standards }) => {
  const rows = await listScorecards({ db, team, standards });
  const statuses = new Map((await loadLatestSnapshots(db, team)).map((row) => [row.service, row.statuses]));
  const checks = standards.checks.map((check) => check.id);
  return toCsv(
    ['service', 'team', 'lifecycle', 'level', 'score', 'pass', 'fail', 'exempt', 'unknown', 'not_applicable', 'as_of', ...checks],
    rows.map((row) => [
      row.service,
      row.team,
      row.lifecycle,
      row.level,
      row.score,
      row.counts.pass,
      row.counts.fail,
      row.counts.exempt,
      row.counts.unknown,
      row.counts.skip,
      row.day,
      ...checks.map((id) => statuses.get(row.service)?.[id] ?? ''),
    ]),
  );
};

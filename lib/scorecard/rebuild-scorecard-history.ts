import { and, between, gte, lte } from 'drizzle-orm';
import { getConfig } from '../config/load-config';
import { getMetricsSettings } from '../metrics/get-metrics-settings';
import { ensureMetricsRollup } from '../metrics/ensure-metrics-rollup';
import type { Executor } from '../db/client';
import { checkResults, scorecardSnapshots } from '../db/schema';
import { AppError } from '../errors';
import { withSpan } from '../observability/trace';
import { computeResultHash } from './compute-result-hash';
import { evaluateServiceScorecard } from './evaluate-service-scorecard';
import { formatDay } from './format-day';
import { getStandards } from './get-standards';
import { listBuckets } from './list-buckets';
import { loadLatestCheckResults } from './load-latest-check-results';
import { loadScorecardInputs } from './load-scorecard-inputs';
import { lockScorecardEvaluation } from './lock-scorecard-evaluation';
import { recordCheckResults } from './record-check-results';
import { recordScorecardSnapshots } from './record-scorecard-snapshots';
import type { Standards } from './standards-schema';

export type RebuildScorecardHistoryOptions = { db: Executor; standards?: Standards; from: Date | string; to?: Date | string; now?: Date };

/**
 * Reconstructs scorecard history from fact history: evaluates every UTC day from `from` to `to` (default today)
 * as of that day's end, with the facts collected by then (the latest per service and kind), the deployments and
 * metrics up to then, and the exemptions and pushed results in force then. Replaces the check results and
 * snapshots of those days, so running it twice gives the same history. Every day is judged by the standards in
 * force now; a service appears from the first day it has any facts or deployments.
 */
export const rebuildScorecardHistory = async ({ db, standards = getStandards(), from, to, now = new Date() }: RebuildScorecardHistoryOptions) => {
  const first = formatDay(from);
  const requested = to === undefined ? formatDay(now) : formatDay(to);
  const last = requested > formatDay(now) ? formatDay(now) : requested;
  if (first > last) throw new AppError('USAGE', `from (${first}) is after to (${last})`);
  const days = listBuckets(first, last, 'day').map(({ start }) => start);
  const config = getConfig().scorecard;
  // The rollup can only be built outside a transaction; built now, every day's metric figures below can read it.
  await ensureMetricsRollup(db, getMetricsSettings());
  return withSpan('waymark.rebuild_scorecard_history', { 'waymark.days': days.length }, () =>
    db.transaction(async (tx) => {
      await lockScorecardEvaluation(tx);
      const start = new Date(`${first}T00:00:00.000Z`);
      const end = new Date(`${last}T23:59:59.999Z`);
      await tx.delete(checkResults).where(and(gte(checkResults.evaluatedAt, start), lte(checkResults.evaluatedAt, end)));
      await tx.delete(scorecardSnapshots).where(between(scorecardSnapshots.day, first, last));
      const before = await loadLatestCheckResults(tx, null, new Date(start.getTime() - 1));
      const previous = new Map([...before].map(([key, row]) => [key, computeResultHash(row)]));
      let written = 0;
      let snapshots = 0;
      for (const day of days) {
        const endOfDay = new Date(`${day}T23:59:59.999Z`);
        const asOf = endOfDay < now ? endOfDay : now;
        const inputs = (await loadScorecardInputs({ db: tx, standards, asOf })).filter(
          (service) => Object.keys(service.facts).length > 0 || service.lastDeployment !== null || Object.keys(service.external).length > 0,
        );
        const evaluations = inputs.map((serviceInputs) =>
          evaluateServiceScorecard(standards, { inputs: serviceInputs, asOf, factsMaxAgeDays: config.factsMaxAgeDays, externalResultMaxAgeDays: config.externalResultMaxAgeDays }),
        );
        written += (await recordCheckResults(tx, { standards, outcomes: evaluations.flatMap((evaluation) => evaluation.outcomes), evaluatedAt: asOf, previous })).written;
        await recordScorecardSnapshots(tx, { day, standardsHash: standards.hash, evaluations });
        snapshots += evaluations.length;
      }
      return { from: first, to: last, days: days.length, written, snapshots };
    }),
  );
};

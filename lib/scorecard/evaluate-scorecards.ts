import { getConfig } from '../config/load-config';
import type { Executor } from '../db/client';
import { settings } from '../db/schema';
import { upsertRows } from '../db/upsert-rows';
import { withSpan } from '../observability/trace';
import { computeResultHash } from './compute-result-hash';
import { evaluateServiceScorecard, type ServiceEvaluation } from './evaluate-service-scorecard';
import { formatDay } from './format-day';
import { getStandards } from './get-standards';
import { loadLatestCheckResults } from './load-latest-check-results';
import { loadScorecardInputs } from './load-scorecard-inputs';
import { lockScorecardEvaluation } from './lock-scorecard-evaluation';
import { recordCheckResults } from './record-check-results';
import { recordScorecardSnapshots } from './record-scorecard-snapshots';
import type { Standards } from './standards-schema';

export type EvaluateScorecardsOptions = {
  db: Executor;
  /** Default: the standards in force (getStandards()). */
  standards?: Standards;
  /** Default: every service. */
  services?: readonly string[];
  now?: Date;
};

export type EvaluationSummary = { services: number; written: number; unchanged: number; standardsHash: string; evaluations: ServiceEvaluation[] };

/** The settings row that says which standards and day the last full evaluation covered (see ensureScorecardsFresh). */
export const EVALUATION_STATE_KEY = 'scorecard.evaluation';

/**
 * Re-evaluates the scorecards of the given services (default: all) against the standards and stores what changed:
 * a check_results row for each result that differs from the previous one, and today's snapshot of every service.
 * Called by every source after it records facts or deployments, and by readers when the standards file changed or
 * a new day began. Running it twice in a row writes nothing the second time.
 */
export const evaluateScorecards = async ({ db, standards = getStandards(), services, now = new Date() }: EvaluateScorecardsOptions): Promise<EvaluationSummary> =>
  withSpan('waymark.evaluate_scorecards', { 'waymark.services': services?.length ?? -1 }, () =>
    db.transaction(async (tx) => {
      await lockScorecardEvaluation(tx);
      const config = getConfig().scorecard;
      const inputs = await loadScorecardInputs({ db: tx, standards, services, asOf: now });
      const evaluations = inputs.map((serviceInputs) =>
        evaluateServiceScorecard(standards, { inputs: serviceInputs, asOf: now, factsMaxAgeDays: config.factsMaxAgeDays, externalResultMaxAgeDays: config.externalResultMaxAgeDays }),
      );
      const latest = await loadLatestCheckResults(tx, services ?? null);
      const previous = new Map([...latest].map(([key, row]) => [key, computeResultHash(row)]));
      const { written, unchanged } = await recordCheckResults(tx, { standards, outcomes: evaluations.flatMap((evaluation) => evaluation.outcomes), evaluatedAt: now, previous });
      await recordScorecardSnapshots(tx, { day: formatDay(now), standardsHash: standards.hash, evaluations });
      if (!services) {
        const value = { standardsHash: standards.hash, revision: standards.revision, day: formatDay(now), services: evaluations.length, evaluatedAt: now.toISOString() };
        await upsertRows(tx, settings, [{ key: EVALUATION_STATE_KEY, value, updatedAt: now }], { key: [settings.key] });
      }
      return { services: evaluations.length, written, unchanged, standardsHash: standards.hash, evaluations };
    }),
  );

import type { Db } from '../db/client';
import { describeError } from '../errors';
import { runEvery } from '../jobs/run-every';
import { ensureMetricsRollup } from '../metrics/ensure-metrics-rollup';
import { getMetricsSettings } from '../metrics/get-metrics-settings';
import { log } from '../observability/log';
import { ensureImpactAnalyses } from './ensure-impact-analyses';

/**
 * The server's upkeep of what readers only read: every `intervalMs` (default a minute, and once at start) the
 * lead-time rollup is built if missing, and the stored adoption-impact analyses are recomputed when data changed
 * (one small read when nothing did). Writers (imports, syncs, webhooks) leave this to it, so an import is never
 * slowed by an analysis. Returns a function that stops it and waits for a run under way.
 */
export const startAnalysisRefresh = ({ db, intervalMs = 60_000 }: { db: Db; intervalMs?: number }) => {
  let lastProblem: string | null = null;
  return runEvery(intervalMs, async () => {
    try {
      await ensureMetricsRollup(db, getMetricsSettings());
      const computed = await ensureImpactAnalyses({ db });
      if (computed > 0) log.info('adoption-impact analyses recomputed', { analyses: computed });
      lastProblem = null;
    } catch (error) {
      const problem = describeError(error);
      if (problem !== lastProblem) log.warn('stored analyses could not be refreshed', { error: problem });
      lastProblem = problem;
    }
  });
};

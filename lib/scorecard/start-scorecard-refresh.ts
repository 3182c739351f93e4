import type { Executor } from '../db/client';
import { describeError } from '../errors';
import { runEvery } from '../jobs/run-every';
import { log } from '../observability/log';
import { ensureScorecardsFresh } from './ensure-scorecards-fresh';

/**
 * Keeps the server's scorecards current without anyone looking: every `intervalMs` (default a minute) it checks,
 * in one small read, whether the standards file changed or a new UTC day began, and re-evaluates every service if
 * so. That is what writes each day's snapshot, and what turns an edited golden-path.yaml into results within a
 * minute. A broken standards file is logged once per distinct problem, and nothing is evaluated with it.
 * Returns a function that stops it (and waits for a re-evaluation under way, so the database is not closed under it).
 */
export const startScorecardRefresh = ({ db, intervalMs = 60_000 }: { db: Executor; intervalMs?: number }) => {
  let lastProblem: string | null = null;
  return runEvery(intervalMs, async () => {
    try {
      if (await ensureScorecardsFresh({ db })) log.info('scorecards re-evaluated (standards changed or a new day began)');
      lastProblem = null;
    } catch (error) {
      const problem = describeError(error);
      if (problem !== lastProblem) log.warn('scorecards could not be re-evaluated', { error: problem, details: (error as { details?: unknown }).details });
      lastProblem = problem;
    }
  });
};

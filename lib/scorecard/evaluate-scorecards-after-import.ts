import type { Executor } from '../db/client';
import { describeError } from '../errors';
import { log } from '../observability/log';
import { evaluateScorecards } from './evaluate-scorecards';

// Record kinds whose changes can change a check: service metadata (appliesTo), facts, deployments and incidents (metrics).
const RELEVANT_KINDS = ['service', 'facts', 'deployment', 'incident'];

type Counts = { byKind: Record<string, { inserted: number; updated: number }> };

/**
 * Re-evaluates the services an ingest touched, when it changed anything a check reads (with `counts` of an events
 * import; without, always). Sources call it after recording facts or deployments. The ingest has already
 * committed: a failure here (a broken standards file) is logged, not thrown, and the next evaluation catches up.
 */
export const evaluateScorecardsAfterImport = async ({ db, counts, services }: { db: Executor; counts?: Counts; services: Iterable<string> }) => {
  const names = [...new Set(services)];
  const changed = !counts || RELEVANT_KINDS.some((kind) => (counts.byKind[kind]?.inserted ?? 0) + (counts.byKind[kind]?.updated ?? 0) > 0);
  if (!changed || names.length === 0) return null;
  try {
    return await evaluateScorecards({ db, services: names });
  } catch (error) {
    log.warn('scorecards were not re-evaluated after the import', { error: describeError(error), services: names.length });
    return null;
  }
};

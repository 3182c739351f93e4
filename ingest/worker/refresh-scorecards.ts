import type { Db } from '../../lib/db/client';

/**
 * Runs after an ingest wrote deployments, incidents or facts of these services: the one place the scorecard is
 * re-evaluated from. lib/scorecard (on another branch) provides evaluateScorecardsAfterImport({ db, services }),
 * which logs instead of throwing; at merge this body becomes that one call.
 */
export const refreshScorecards = async (_db: Db, _services: Iterable<string>): Promise<void> => {};

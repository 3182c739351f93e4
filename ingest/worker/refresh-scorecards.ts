import type { Db } from '../../lib/db/client';

/**
 * Runs after an ingest wrote deployments or facts: the one place the scorecard is re-evaluated from. lib/scorecard's
 * evaluateScorecards({ db }) is being built on another branch; wire it here when it lands on main.
 */
export const refreshScorecards = async (_db: Db): Promise<void> => {};

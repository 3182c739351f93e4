import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';

// Any constant shared by every Waymark process.
const EVALUATION_LOCK_KEY = 7_406_113_066;

/**
 * Makes evaluations of one database take turns (until the calling transaction ends), so two processes never
 * both append the same change or rebuild history under each other.
 */
export const lockScorecardEvaluation = async (tx: Executor) => {
  await tx.execute(sql`select pg_advisory_xact_lock(${EVALUATION_LOCK_KEY})`);
};

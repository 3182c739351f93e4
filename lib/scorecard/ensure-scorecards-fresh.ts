import { count, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { services, settings } from '../db/schema';
import { evaluateScorecards, EVALUATION_STATE_KEY } from './evaluate-scorecards';
import { getStandards } from './get-standards';
import type { Standards } from './standards-schema';

/**
 * Brings stored scorecards up to date before they are read: re-evaluates every service when the standards changed
 * since the last full evaluation (an edited golden-path.yaml), when a new UTC day began (facts age, exemptions
 * expire, deployment windows move), or when services appeared that were never evaluated. Otherwise it costs one
 * small read. Returns whether it evaluated.
 */
export const ensureScorecardsFresh = async ({ db, standards = getStandards(), now = new Date() }: { db: Executor; standards?: Standards; now?: Date }) => {
  const [state] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, EVALUATION_STATE_KEY));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(services);
  const value = state?.value as { revision?: string; day?: string; services?: number } | undefined;
  if (value && value.revision === standards.revision && value.day === now.toISOString().slice(0, 10) && value.services === total) return false;
  await evaluateScorecards({ db, standards, now });
  return true;
};

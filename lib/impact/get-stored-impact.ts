import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { getDataRevision } from '../db/get-data-revision';
import { storedAnalyses } from '../db/schema';
import { describeStoredImpact, IMPACT_KIND } from './describe-stored-impact';
import type { AdoptionImpact } from './measure-adoption-impact';

export type StoredImpact = {
  impact: AdoptionImpact;
  computedAt: Date;
  /** false when data changed since it was computed (the server's upkeep is computing it again). */
  current: boolean;
};

/**
 * The stored adoption-impact analysis for a window (ensureImpactAnalyses keeps them), or null when it has not been
 * computed yet for today's inputs. Reads one row; never computes.
 */
export const getStoredImpact = async ({ db, windowDays, now }: { db: Executor; windowDays: number; now?: Date }): Promise<StoredImpact | null> => {
  const inputs = describeStoredImpact({ windowDays, now });
  if (!inputs) return null;
  const [row] = await db
    .select({ value: storedAnalyses.value, revision: storedAnalyses.revision, computedAt: storedAnalyses.computedAt })
    .from(storedAnalyses)
    .where(and(eq(storedAnalyses.kind, IMPACT_KIND), eq(storedAnalyses.inputs, inputs)));
  if (!row) return null;
  return { impact: row.value as AdoptionImpact, computedAt: row.computedAt, current: row.revision >= (await getDataRevision(db)) };
};

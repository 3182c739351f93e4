import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { getDataRevision } from '../db/get-data-revision';
import { storedAnalyses } from '../db/schema';
import { describeStoredImpact, IMPACT_KIND, STORED_IMPACT_WINDOWS } from './describe-stored-impact';
import { measureAdoptionImpact } from './measure-adoption-impact';

/**
 * Keeps the stored adoption-impact analyses current: for each window the Impact page offers, when none is stored
 * for today's inputs or data changed since (the data revision moved), it runs the analysis and stores it with the
 * revision read before it started (so a write during the run makes the next call compute again). Run by the
 * server's upkeep, never by a reader. Returns how many it computed.
 */
export const ensureImpactAnalyses = async ({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> => {
  let computed = 0;
  const kept = STORED_IMPACT_WINDOWS.map((windowDays) => ({ windowDays, inputs: describeStoredImpact({ windowDays, now })! }));
  for (const { windowDays, inputs } of kept) {
    const revision = await getDataRevision(db);
    const [stored] = await db
      .select({ revision: storedAnalyses.revision })
      .from(storedAnalyses)
      .where(and(eq(storedAnalyses.kind, IMPACT_KIND), eq(storedAnalyses.inputs, inputs)));
    if (stored && stored.revision >= revision) continue;
    const impact = await measureAdoptionImpact({ db, windowDays, now });
    const row = { kind: IMPACT_KIND, inputs, revision, computedAt: new Date(), value: impact };
    await db.insert(storedAnalyses).values(row).onConflictDoUpdate({ target: [storedAnalyses.kind, storedAnalyses.inputs], set: row });
    computed++;
  }
  // Analyses of earlier days or standards are never read again.
  await db.delete(storedAnalyses).where(and(eq(storedAnalyses.kind, IMPACT_KIND), notInArray(storedAnalyses.inputs, kept.map(({ inputs }) => inputs))));
  return computed;
};

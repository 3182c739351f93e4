import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { facts } from '../db/schema';
import type { Executor } from '../db/client';
import { FACT_SCHEMAS, type FactKind } from './facts';
import { stableHash } from './stable-hash';

export type FactObservationInput = {
  service: string;
  kind: FactKind;
  source: string;
  collectedAt: Date;
  status: 'ok' | 'error';
  data: Record<string, unknown> | null;
  error: string | null;
};

/**
 * Stores what a source observed. A collection identical to the latest one of the same (service, kind, source)
 * only moves that row's `checkedAt`; anything else appends a row, so the history keeps every real change.
 * Returns how many observations changed what is stored.
 */
export const recordFacts = async (db: Executor, observations: FactObservationInput[]) => {
  let changed = 0;
  for (const observation of observations) {
    const data = observation.status === 'ok' ? (FACT_SCHEMAS[observation.kind].parse(observation.data) as Record<string, unknown>) : null;
    const dataHash = data ? stableHash(data) : null;
    const [latest] = await db
      .select({ id: facts.id, status: facts.status, dataHash: facts.dataHash, collectedAt: facts.collectedAt, error: facts.error })
      .from(facts)
      .where(and(eq(facts.service, observation.service), eq(facts.kind, observation.kind), eq(facts.source, observation.source)))
      .orderBy(desc(facts.collectedAt))
      .limit(1);
    const same = latest && latest.status === observation.status && latest.dataHash === dataHash && latest.error === observation.error;
    if (same && latest.collectedAt <= observation.collectedAt) {
      await db
        .update(facts)
        .set({ checkedAt: sql`greatest(${facts.checkedAt}, ${observation.collectedAt.toISOString()}::timestamptz)` })
        .where(eq(facts.id, latest.id));
      continue;
    }
    const inserted = await db
      .insert(facts)
      .values({ ...observation, data, dataHash, checkedAt: observation.collectedAt })
      .onConflictDoNothing()
      .returning({ id: facts.id });
    if (inserted.length > 0) changed++;
  }
  return { changed };
};

/**
 * The latest observation of each fact kind for the given services (what checks are evaluated against); with
 * `asOf`, the latest collected by then, so past days can be evaluated as they were.
 */
export const getLatestFacts = async (db: Executor, serviceNames: string[], asOf?: Date) => {
  if (serviceNames.length === 0) return [];
  return db
    .selectDistinctOn([facts.service, facts.kind], {
      service: facts.service,
      kind: facts.kind,
      source: facts.source,
      status: facts.status,
      error: facts.error,
      data: facts.data,
      collectedAt: facts.collectedAt,
      checkedAt: facts.checkedAt,
    })
    .from(facts)
    .where(and(inArray(facts.service, serviceNames), asOf ? lte(facts.collectedAt, asOf) : undefined))
    .orderBy(facts.service, facts.kind, desc(facts.collectedAt));
};

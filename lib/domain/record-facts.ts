import { and, desc, inArray, lte, sql } from 'drizzle-orm';
import { facts } from '../db/schema';
import type { Executor } from '../db/client';
import { FACT_SCHEMAS, type FactObservation } from './facts';
import { stableHash } from './stable-hash';
import { toStorableJson } from '../validation/to-storable-json';
import { toStorableText } from '../validation/to-storable-text';


type Latest = { collectedAt: Date; status: string; dataHash: string | null; error: string | null; target: { id: number } | Pending };
type Pending = { values: typeof facts.$inferInsert; index: number };

const keyOf = (o: { service: string; kind: string; source: string }) => `${o.service}\u0000${o.kind}\u0000${o.source}`;

/**
 * Stores what a source observed. A collection identical to the latest one of the same (service, kind, source)
 * only moves that row's `checkedAt`; anything else appends a row, so the history keeps every real change.
 * Observations are applied in order, as if one by one, but with one read and a few bulk writes for the whole list
 * (a weekly history of many services is thousands of observations). Returns how many observations changed what is
 * stored, and which (by index).
 */
export const recordFacts = async (db: Executor, observations: FactObservation[]) => {
  const prepared = observations.map((observation) => {
    const data = observation.status === 'ok' ? (FACT_SCHEMAS[observation.kind].parse(toStorableJson(observation.data)) as Record<string, unknown>) : null;
    return { ...observation, service: toStorableText(observation.service), data, error: observation.error === null ? null : toStorableText(observation.error), dataHash: data ? stableHash(data) : null };
  });
  const keys = [...new Map(prepared.map((o) => [keyOf(o), o])).values()];
  const latest = new Map<string, Latest>();
  for (let start = 0; start < keys.length; start += 500) {
    const chunk = keys.slice(start, start + 500);
    const rows = await db
      .selectDistinctOn([facts.service, facts.kind, facts.source], { id: facts.id, service: facts.service, kind: facts.kind, source: facts.source, status: facts.status, dataHash: facts.dataHash, collectedAt: facts.collectedAt, error: facts.error })
      .from(facts)
      .where(sql`(${facts.service}, ${facts.kind}, ${facts.source}) in (${sql.join(chunk.map((o) => sql`(${o.service}, ${o.kind}, ${o.source})`), sql`, `)})`)
      .orderBy(facts.service, facts.kind, facts.source, desc(facts.collectedAt));
    for (const row of rows) latest.set(keyOf(row), { ...row, target: { id: row.id } });
  }

  const bumps = new Map<number, Date>();
  const pending: Pending[] = [];
  const planned = new Set<string>();
  prepared.forEach((observation, index) => {
    const key = keyOf(observation);
    const current = latest.get(key);
    const same = current && current.status === observation.status && current.dataHash === observation.dataHash && current.error === observation.error;
    if (same && current.collectedAt <= observation.collectedAt) {
      if ('id' in current.target) {
        const bumped = bumps.get(current.target.id);
        if (!bumped || bumped < observation.collectedAt) bumps.set(current.target.id, observation.collectedAt);
      } else if (current.target.values.checkedAt! < observation.collectedAt) current.target.values.checkedAt = observation.collectedAt;
      return;
    }
    // A second observation at the same instant conflicts with the first (unique per collectedAt), as a second insert would.
    const slot = `${key}\u0000${observation.collectedAt.toISOString()}`;
    if (planned.has(slot)) return;
    planned.add(slot);
    const { dataHash, data, ...rest } = observation;
    const item: Pending = { values: { ...rest, data, dataHash, checkedAt: observation.collectedAt }, index };
    pending.push(item);
    if (!current || observation.collectedAt > current.collectedAt) latest.set(key, { collectedAt: observation.collectedAt, status: observation.status, dataHash, error: observation.error, target: item });
  });

  const changedIndexes = new Set<number>();
  for (let start = 0; start < pending.length; start += 1000) {
    const chunk = pending.slice(start, start + 1000);
    const inserted = await db
      .insert(facts)
      .values(chunk.map((item) => item.values))
      .onConflictDoNothing()
      .returning({ service: facts.service, kind: facts.kind, source: facts.source, collectedAt: facts.collectedAt });
    const bySlot = new Map(chunk.map((item) => [`${keyOf(item.values)}\u0000${item.values.collectedAt.toISOString()}`, item.index]));
    for (const row of inserted) changedIndexes.add(bySlot.get(`${keyOf(row)}\u0000${row.collectedAt.toISOString()}`)!);
  }
  const updates = [...bumps];
  for (let start = 0; start < updates.length; start += 1000) {
    const values = sql.join(
      updates.slice(start, start + 1000).map(([id, at]) => sql`(${id}::bigint, ${at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await db.execute(sql`update facts set checked_at = greatest(facts.checked_at, v.at) from (values ${values}) as v(id, at) where facts.id = v.id`);
  }
  return { changed: changedIndexes.size, changedIndexes };
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

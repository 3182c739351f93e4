import { sql } from 'drizzle-orm';
import { rawPayloads } from '../db/schema';
import type { Executor } from '../db/client';
import { queryBulkRows } from '../db/query-bulk-rows';
import { toArrayLiteral } from '../db/to-array-literal';
import { ROWS_PER_STATEMENT, upsertRows, type UpsertOutcome } from '../db/upsert-rows';
import { toStorableJson } from '../validation/to-storable-json';
import { JsonText } from '../db/json-text';
import { hashCanonicalJson, toCanonicalJson } from './stable-hash';

export type RawPayloadInput = {
  source: string;
  kind: string;
  sourceId: string;
  scope?: string | null;
  payload: unknown;
  fetchedAt?: Date;
  error?: string | null;
};

type RawRow = typeof rawPayloads.$inferInsert & { scope: string | null; error: string | null; payloadDigest: string };

const keyOf = (row: RawRow) => `${row.source}|${row.kind}|${row.sourceId}`;

const unnestRows = (rows: RawRow[]) => {
  const column = (pick: (row: RawRow) => string | null) => sql`${toArrayLiteral(rows.map(pick))}::text[]`;
  return sql`unnest(${column((row) => row.source)}, ${column((row) => row.kind)}, ${column((row) => row.sourceId)},
    ${column((row) => row.scope)}, ${column((row) => row.error)}, ${column((row) => row.payloadDigest)})
    with ordinality as u(source, kind, source_id, scope, error, digest, position)`;
};
const sameKey = sql`r.source = u.source and r.kind = u.kind and r.source_id = u.source_id`;

/**
 * Which rows are stored exactly so already, told by digest. An upsert that changes nothing still locks each row it
 * meets, writing its page and WAL, and parses every payload to compare it: re-importing an unchanged file was
 * mostly that. Here a first import pays one index probe per row and a re-import reads no payload at all.
 */
const findStoredAsIs = async (db: Executor, rows: RawRow[]) => {
  const stored = new Set<number>();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const found = await queryBulkRows<{ position: number }>(
      db,
      sql`select u.position::int as position from ${unnestRows(rows.slice(start, start + ROWS_PER_STATEMENT))}
          join raw_payloads r on ${sameKey}
          where r.payload_digest = u.digest and r.scope is not distinct from u.scope
            and r.error is not distinct from u.error`,
    );
    for (const { position } of found) stored.add(start + position - 1);
  }
  return stored;
};

/**
 * Rows the upsert found equal by payload: those stored before digests were kept get theirs. Rows that have it are
 * left alone, so an unprobed call (see PROBE_FROM_ROWS) writes nothing for what it found unchanged.
 */
const refreshDigests = async (db: Executor, rows: RawRow[]) => {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await queryBulkRows(
      db,
      sql`update raw_payloads r set payload_digest = u.digest
          from ${unnestRows(rows.slice(start, start + ROWS_PER_STATEMENT))}
          where ${sameKey} and r.payload_digest is distinct from u.digest`,
    );
  }
};

/**
 * Below this many rows the digest lookup is not worth its statement: syncs store a payload or a page at a time, and
 * what they store is mostly new or changed (an unchanged answer is a 304 and is not stored again), so the lookup
 * would find nothing and add a round trip to every write. Bulk writes (imports, re-imports) are where it pays.
 */
const PROBE_FROM_ROWS = 100;

/**
 * Keeps payloads as they came (but storable: see toStorableJson), keyed by (source, kind, source id); a re-fetch of
 * the same thing replaces it. Reports keys (`source|kind|source id`) inserted and updated, like upsertRows. The
 * digest ignores key order, as jsonb does: a payload read back from storage and stored again is unchanged.
 * `probe` says whether to look up unchanged rows by digest first; by default only calls of PROBE_FROM_ROWS rows or
 * more do. `probe: false` suits a caller that knows the source had nothing stored (a first import). Either way the
 * outcome is the same: the upsert compares payloads itself.
 */
export const storeRawPayloads = (db: Executor, payloads: RawPayloadInput[], options: { probe?: boolean } = {}) =>
  storePreparedPayloads(db, payloads.map(prepareRawPayload), options);

/** A payload made storable and digested, ready for storePreparedPayloads. */
export type PreparedRawPayload = RawRow;

/**
 * The per-payload part of storing: cleaning (toStorableJson) and the digest. A bulk writer calls it as each record
 * is read, so this work is spread between the database's answers instead of held in one block before a statement.
 */
export const prepareRawPayload = (input: RawPayloadInput): PreparedRawPayload => {
  // One serialisation serves the digest and the stored text: jsonb orders keys itself, so sorted keys store the same.
  const text = toCanonicalJson(toStorableJson(input.payload));
  return {
    source: input.source,
    kind: input.kind,
    sourceId: input.sourceId,
    scope: input.scope ?? null,
    payload: new JsonText(text),
    payloadDigest: hashCanonicalJson(text),
    fetchedAt: input.fetchedAt ?? new Date(),
    error: input.error ?? null,
  };
};

/** storeRawPayloads for payloads already prepared by prepareRawPayload. */
export const storePreparedPayloads = async (
  db: Executor,
  prepared: PreparedRawPayload[],
  { probe }: { probe?: boolean } = {},
): Promise<UpsertOutcome> => {
  // A key given twice keeps its last payload, as one upsert would.
  const latest = new Map<string, RawRow>();
  for (const row of prepared) latest.set(keyOf(row), row);
  const rows = [...latest.values()];
  const lookUp = probe ?? rows.length >= PROBE_FROM_ROWS;
  const storedAsIs = lookUp && rows.length > 0 ? await findStoredAsIs(db, rows) : new Set<number>();
  const rest = rows.filter((_, index) => !storedAsIs.has(index));
  const outcome = await upsertRows(db, rawPayloads, rest, {
    key: [rawPayloads.source, rawPayloads.kind, rawPayloads.sourceId],
    // fetchedAt moves on every fetch; comparing it would make every re-import an update.
    keep: ['id', 'fetched_at'],
    uncompared: ['payload_digest'],
  });
  const written = new Set([...outcome.inserted, ...outcome.updated]);
  await refreshDigests(
    db,
    rest.filter((row) => !written.has(keyOf(row))),
  );
  outcome.unchanged = prepared.length - written.size;
  return outcome;
};

import { index, jsonb, pgTable, text, timestamp, uniqueIndex, bigserial } from 'drizzle-orm/pg-core';

/**
 * Every payload a source fetched or received, kept as it came, so normalizers can be re-run without refetching.
 * `error` records why a payload could not be interpreted (it is kept anyway and shown on the ingest status page).
 */
export const rawPayloads = pgTable(
  'raw_payloads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    sourceId: text('source_id').notNull(),
    scope: text('scope'),
    payload: jsonb('payload').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    error: text('error'),
    /** stableHash of the payload: an unchanged re-fetch is found without reading the payload. */
    payloadDigest: text('payload_digest'),
  },
  (t) => [uniqueIndex('raw_payloads_identity_idx').on(t.source, t.kind, t.sourceId), index('raw_payloads_scope_idx').on(t.source, t.scope)],
);

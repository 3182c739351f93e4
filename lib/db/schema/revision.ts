import { bigint, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The data revision: statement-level triggers (drizzle/0005) add one to a stripe in every transaction that writes a
 * table the dashboard reads, and the revision is the sum of the stripes. Striped by transaction id so concurrent
 * writers do not queue on one row; transactional, so a reader never sees a revision before its rows are committed.
 */
export const dataRevision = pgTable('data_revision', {
  stripe: smallint('stripe').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

/**
 * Results of heavy analyses (adoption impact), computed by an explicit ensure step from the data as of `revision`
 * and read by pages as stored: one row per kind and inputs, replaced when recomputed.
 */
export const storedAnalyses = pgTable(
  'stored_analyses',
  {
    kind: text('kind').notNull(),
    /** The analysis's inputs (window, day, standards revision...), as a stable text. */
    inputs: text('inputs').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    value: jsonb('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.inputs] })],
);

import { bigint, bigserial, date, index, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Facts about a service collected by a source (repository tree and files, catalog entry, branch protection).
 * A collection that failed is stored as a fact with `status = 'error'`, so checks can say "unknown" instead of "fail".
 * An unchanged collection only moves `checkedAt` forward (same `dataHash`), so history stays small.
 */
export const facts = pgTable(
  'facts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    service: text('service').notNull(),
    /** repository | catalog | branch_protection | … (see lib/domain/facts.ts) */
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    /** ok | error */
    status: text('status').notNull(),
    error: text('error'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    dataHash: text('data_hash'),
    collectedAt: at('collected_at').notNull(),
    checkedAt: at('checked_at').notNull(),
  },
  (t) => [uniqueIndex('facts_identity_idx').on(t.service, t.kind, t.source, t.collectedAt)],
);

/** Append-only check results; a row is written only when a result differs from the previous one. */
export const checkResults = pgTable(
  'check_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    service: text('service').notNull(),
    checkId: text('check_id').notNull(),
    /** Hash of the check definition: separates "the rule changed" from "the service changed". */
    checkHash: text('check_hash').notNull(),
    /** pass | fail | exempt | skip | unknown */
    status: text('status').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>(),
    /** The exemption that made this result `exempt` (or that was active while the check passed anyway). */
    exemption: jsonb('exemption').$type<Record<string, unknown>>(),
    factsCollectedAt: at('facts_collected_at'),
    /** The repository HEAD the facts were read at, when known: which commit a change of result came with. */
    commitSha: text('commit_sha'),
    evaluatedAt: at('evaluated_at').notNull(),
  },
  (t) => [index('check_results_service_check_idx').on(t.service, t.checkId, t.evaluatedAt), index('check_results_evaluated_idx').on(t.evaluatedAt)],
);

/**
 * Every check definition ever evaluated, by its hash, so a history row can show what the rule said at the time
 * and trend charts can mark the day a rule changed.
 */
export const checkDefinitions = pgTable(
  'check_definitions',
  {
    hash: text('hash').primaryKey(),
    checkId: text('check_id').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    firstSeenAt: at('first_seen_at').notNull(),
  },
  (t) => [index('check_definitions_check_idx').on(t.checkId, t.firstSeenAt)],
);

/** One row per service per UTC day: the level and per-check statuses that day, for adoption trends. */
export const scorecardSnapshots = pgTable(
  'scorecard_snapshots',
  {
    service: text('service').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    level: text('level'),
    score: real('score'),
    statuses: jsonb('statuses').$type<Record<string, string>>().notNull(),
    standardsHash: text('standards_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.service, t.day] }), index('scorecard_snapshots_day_idx').on(t.day)],
);

/** Exemptions granted through the API (the standards file's exemptions are read from the file). */
export const exemptions = pgTable(
  'exemptions',
  {
    id: text('id').primaryKey(),
    service: text('service').notNull(),
    checkId: text('check_id').notNull(),
    reason: text('reason').notNull(),
    expires: date('expires', { mode: 'string' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    /** requested (by an owner, waiting), approved (counts), rejected. Only approved exemptions exempt a check. */
    status: text('status').notNull().default('approved'),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    revokedAt: at('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('exemptions_service_check_idx').on(t.service, t.checkId)],
);

export const exemptionAudit = pgTable('exemption_audit', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  exemptionId: text('exemption_id').notNull(),
  /** granted | revoked */
  action: text('action').notNull(),
  actor: text('actor').notNull(),
  reason: text('reason'),
  until: date('until', { mode: 'string' }),
  at: at('at').notNull().defaultNow(),
});

/** Results pushed by CI for `external` checks; the latest one within the configured age counts. */
export const externalCheckResults = pgTable(
  'external_check_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    service: text('service').notNull(),
    check: text('check').notNull(),
    /** pass | fail */
    status: text('status').notNull(),
    details: text('details'),
    url: text('url'),
    reportedBy: text('reported_by').notNull(),
    reportedAt: at('reported_at').notNull().defaultNow(),
  },
  (t) => [index('external_check_results_service_check_idx').on(t.service, t.check, t.reportedAt)],
);

/**
 * An owner's note on a failing check ("known, fix in progress"): it stands for the result it was written on, so it
 * ends by itself when the check's result changes (passes, or fails differently after a rule change).
 */
export const checkAcknowledgements = pgTable(
  'check_acknowledgements',
  {
    id: text('id').primaryKey(),
    service: text('service').notNull(),
    checkId: text('check_id').notNull(),
    /** The check_results row acknowledged. */
    resultId: bigint('result_id', { mode: 'number' }).notNull(),
    note: text('note').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('check_acknowledgements_service_idx').on(t.service, t.checkId)],
);

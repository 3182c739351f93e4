import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per job run (an import, a repository sync); `parentId` groups a sync's per-repository runs. */
export const ingestRuns = pgTable(
  'ingest_runs',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    job: text('job').notNull(),
    source: text('source').notNull(),
    scope: text('scope'),
    /** running | success | failed | partial | interrupted (its process died; closed at the next start) */
    status: text('status').notNull(),
    /** The process running it, `host:pid`, so the next start can tell a dead run from a live one. */
    owner: text('owner'),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    error: text('error'),
    requestsUsed: integer('requests_used'),
    rateLimitRemaining: integer('rate_limit_remaining'),
  },
  (t) => [index('ingest_runs_source_started_idx').on(t.source, t.startedAt), index('ingest_runs_parent_idx').on(t.parentId)],
);

/** Where the next incremental run of (source, scope, kind) starts; moved only after the rows it covers commit. */
export const ingestCursors = pgTable(
  'ingest_cursors',
  {
    source: text('source').notNull(),
    scope: text('scope').notNull(),
    kind: text('kind').notNull(),
    cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull(),
    etag: text('etag'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.scope, t.kind] })],
);

/** Webhook deliveries by delivery id: deduplicates redeliveries and feeds the ingest status page. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    deliveryId: text('delivery_id').primaryKey(),
    source: text('source').notNull(),
    event: text('event').notNull(),
    action: text('action'),
    /** received | processed | ignored | failed */
    status: text('status').notNull(),
    reason: text('reason'),
    rawPayloadId: bigint('raw_payload_id', { mode: 'number' }),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
  },
  (t) => [index('webhook_deliveries_received_idx').on(t.receivedAt)],
);

/** Requests refused before anything was stored (bad signature, oversize body): counted, never kept. */
export const rejectedRequests = pgTable(
  'rejected_requests',
  {
    endpoint: text('endpoint').notNull(),
    reason: text('reason').notNull(),
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
    lastAt: at('last_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.endpoint, t.reason, t.day] })],
);

/**
 * Records a source delivered that name no Waymark service yet (a PagerDuty incident of a PagerDuty service with no
 * mapping): kept, never dropped, and listed on the ingest status page with the source's own service named. The next
 * run that can map one moves it into its domain table and deletes it here.
 */
export const unmappedRecords = pgTable(
  'unmapped_records',
  {
    source: text('source').notNull(),
    /** The domain kind it would become (incident). */
    kind: text('kind').notNull(),
    sourceId: text('source_id').notNull(),
    /** The source's service: its id and its name, as the source calls them. */
    externalServiceId: text('external_service_id').notNull(),
    externalServiceName: text('external_service_name'),
    title: text('title'),
    url: text('url'),
    occurredAt: at('occurred_at'),
    firstSeenAt: at('first_seen_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] }), index('unmapped_records_service_idx').on(t.source, t.externalServiceId)],
);

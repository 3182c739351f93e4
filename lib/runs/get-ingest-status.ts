import { and, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { ingestRuns, rawPayloads, rejectedRequests, unmappedRecords, webhookDeliveries } from '../db/schema';
import type { Executor } from '../db/client';

/**
 * What the ingest status page shows: recent runs with their per-repository children (counts, status, error, requests
 * used, rate limit left), recent webhook deliveries and their outcome, refused requests by day and reason,
 * payloads that could not be interpreted, and records kept unmapped, by the source's own service (most records first).
 */
export const getIngestStatus = async ({ db, limit = 50 }: { db: Executor; limit?: number }) => {
  const runs = await db.select().from(ingestRuns).where(isNull(ingestRuns.parentId)).orderBy(desc(ingestRuns.startedAt)).limit(limit);
  const children = runs.length
    ? await db
        .select()
        .from(ingestRuns)
        .where(sql`${ingestRuns.parentId} in (${sql.join(runs.map((run) => sql`${run.id}`), sql`, `)})`)
        .orderBy(ingestRuns.scope)
    : [];
  const deliveries = await db.select().from(webhookDeliveries).orderBy(desc(webhookDeliveries.receivedAt)).limit(limit);
  const deliveryCounts = await db
    .select({ status: webhookDeliveries.status, count: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.status);
  const rejected = await db.select().from(rejectedRequests).orderBy(desc(rejectedRequests.day), rejectedRequests.endpoint).limit(limit);
  const uninterpretable = await db
    .select({ id: rawPayloads.id, source: rawPayloads.source, kind: rawPayloads.kind, sourceId: rawPayloads.sourceId, scope: rawPayloads.scope, error: rawPayloads.error, fetchedAt: rawPayloads.fetchedAt })
    .from(rawPayloads)
    .where(and(isNotNull(rawPayloads.error)))
    .orderBy(desc(rawPayloads.fetchedAt))
    .limit(limit);
  const unmapped = await db
    .select({
      source: unmappedRecords.source,
      kind: unmappedRecords.kind,
      externalServiceId: unmappedRecords.externalServiceId,
      externalServiceName: sql<string | null>`max(${unmappedRecords.externalServiceName})`,
      records: sql<number>`count(*)::int`,
      latestAt: sql<Date | null>`max(${unmappedRecords.occurredAt})`.mapWith(unmappedRecords.occurredAt),
    })
    .from(unmappedRecords)
    .groupBy(unmappedRecords.source, unmappedRecords.kind, unmappedRecords.externalServiceId)
    .orderBy(desc(sql`count(*)`), unmappedRecords.source, unmappedRecords.externalServiceId)
    .limit(limit);
  return {
    runs: runs.map((run) => ({ ...run, repositories: children.filter((child) => child.parentId === run.id) })),
    deliveries,
    deliveryCounts: Object.fromEntries(deliveryCounts.map((row) => [row.status, row.count])),
    rejected,
    uninterpretable,
    unmapped,
  };
};

export type IngestStatus = Awaited<ReturnType<typeof getIngestStatus>>;

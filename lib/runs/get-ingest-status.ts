import { and, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { ingestRuns, rawPayloads, rejectedRequests, webhookDeliveries } from '../db/schema';
import type { Executor } from '../db/client';

/**
 * What the ingest status page shows: recent runs with their per-repository children (counts, status, error, requests
 * used, rate limit left), recent webhook deliveries and their outcome, refused requests by day and reason, and
 * payloads that could not be interpreted.
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
  return {
    runs: runs.map((run) => ({ ...run, repositories: children.filter((child) => child.parentId === run.id) })),
    deliveries,
    deliveryCounts: Object.fromEntries(deliveryCounts.map((row) => [row.status, row.count])),
    rejected,
    uninterpretable,
  };
};

export type IngestStatus = Awaited<ReturnType<typeof getIngestStatus>>;

import { and, asc, eq } from 'drizzle-orm';
import { webhookDeliveries } from '../db/schema';
import type { Executor } from '../db/client';

/** Deliveries stored but not yet normalized (the queue was down, or the process stopped); oldest first. */
export const listPendingDeliveries = async (db: Executor, source: string, limit = 10_000) =>
  (
    await db
      .select({ deliveryId: webhookDeliveries.deliveryId })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.source, source), eq(webhookDeliveries.status, 'received')))
      .orderBy(asc(webhookDeliveries.receivedAt))
      .limit(limit)
  ).map((row) => row.deliveryId);

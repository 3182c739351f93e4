import { eq } from 'drizzle-orm';
import { webhookDeliveries } from '../db/schema';
import type { Executor } from '../db/client';
import { redactText } from '../observability/redact';

/**
 * Records what became of a delivery: processed, ignored, failed (with the reason, shown on the ingest status page),
 * or still `received` with the reason of a transient failure that will be retried.
 */
export const markWebhookDelivery = async (db: Executor, deliveryId: string, status: 'processed' | 'ignored' | 'failed' | 'received', reason: string | null = null) => {
  await db
    .update(webhookDeliveries)
    .set({ status, reason: reason ? redactText(reason).slice(0, 2000) : null, processedAt: status === 'received' ? null : new Date() })
    .where(eq(webhookDeliveries.deliveryId, deliveryId));
};

import { eq } from 'drizzle-orm';
import { rawPayloads, webhookDeliveries } from '../db/schema';
import type { Db } from '../db/client';
import { markWebhookDelivery } from './mark-webhook-delivery';

export type ReceivedDelivery = {
  /** The delivery's event name, as its receiver identified it. */
  event: string;
  /** The stored body; undefined when its raw payload is gone. */
  payload: unknown;
  /** Marks the delivery failed with the reason, kept on its raw payload too (the status page shows it). */
  fail: (reason: string) => Promise<void>;
};

/**
 * A stored delivery still waiting to be normalized, with its body: null when it is unknown, already handled or has
 * nothing stored (a job run twice, or for a delivery another worker finished, does nothing).
 */
export const openReceivedDelivery = async (db: Db, deliveryId: string): Promise<ReceivedDelivery | null> => {
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId));
  if (!delivery || delivery.status !== 'received' || delivery.rawPayloadId === null) return null;
  const [raw] = await db
    .select({ id: rawPayloads.id, payload: rawPayloads.payload })
    .from(rawPayloads)
    .where(eq(rawPayloads.id, delivery.rawPayloadId));
  return {
    event: delivery.event,
    payload: raw?.payload,
    fail: async (reason) => {
      if (raw) await db.update(rawPayloads).set({ error: reason }).where(eq(rawPayloads.id, raw.id));
      await markWebhookDelivery(db, deliveryId, 'failed', reason);
    },
  };
};

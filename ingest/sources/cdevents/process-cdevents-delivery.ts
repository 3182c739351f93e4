import { eq } from 'drizzle-orm';
import { rawPayloads, webhookDeliveries } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { markWebhookDelivery } from '../../../lib/webhooks/mark-webhook-delivery';
import { unwrapCloudEvent, validateCdevent } from './cdevents-schema';
import { CDEVENTS_SOURCE, type CdeventServices } from './normalize-cdevent';
import { upsertCdevents } from './upsert-cdevents';

/** A stored CDEvents delivery through the same function the file import uses; its delivery row is its record. */
export const processCdeventsDelivery = ({ db, services }: { db: Db; services: CdeventServices }, deliveryId: string) =>
  runIngest({ db, job: 'cdevents.webhook', source: CDEVENTS_SOURCE, scope: deliveryId, record: false }, async (run) => {
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId));
    if (!delivery || delivery.status !== 'received' || delivery.rawPayloadId === null)
      return { result: 'skipped' as const };
    const [raw] = await db
      .select({ payload: rawPayloads.payload })
      .from(rawPayloads)
      .where(eq(rawPayloads.id, delivery.rawPayloadId));
    // The receiver validated it before storing; a payload changed since is a failure, not a crash loop. A batch is
    // stored as its array, and written whole.
    const bodies = raw ? (Array.isArray(raw.payload) ? raw.payload : [raw.payload]) : [];
    const parsed = bodies.map((body) => validateCdevent(unwrapCloudEvent(body)));
    const events = parsed.flatMap((result) => (result.ok ? [result.event] : []));
    if (events.length === 0 || events.length < parsed.length) {
      await markWebhookDelivery(db, deliveryId, 'failed', 'the stored event is missing or no longer valid');
      return { result: 'failed' as const };
    }
    const written = await db.transaction(async (tx) => {
      const outcome = await upsertCdevents(tx, events, services);
      await markWebhookDelivery(tx, deliveryId, 'processed');
      return outcome;
    });
    run.touch(written.services);
    return { result: 'processed' as const };
  });

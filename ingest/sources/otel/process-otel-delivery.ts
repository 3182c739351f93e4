import { eq } from 'drizzle-orm';
import { rawPayloads, webhookDeliveries } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { markWebhookDelivery } from '../../../lib/webhooks/mark-webhook-delivery';
import { OTEL_SOURCE } from './normalize-otel-span';
import { ZOtlpTraces } from './otlp-schema';
import { upsertOtelTraces } from './upsert-otel-traces';

/** A stored traces export through the pipeline: its spans' deployments and pipeline runs, in one transaction. */
export const processOtelDelivery = (db: Db, deliveryId: string) =>
  runIngest({ db, job: 'otel.traces', source: OTEL_SOURCE, scope: deliveryId, record: false }, async (run) => {
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId));
    if (!delivery || delivery.status !== 'received' || delivery.rawPayloadId === null) return { result: null };
    const [raw] = await db
      .select({ payload: rawPayloads.payload })
      .from(rawPayloads)
      .where(eq(rawPayloads.id, delivery.rawPayloadId));
    const parsed = ZOtlpTraces.safeParse(raw?.payload);
    if (!parsed.success) {
      await markWebhookDelivery(db, deliveryId, 'failed', 'the stored export is missing or no longer valid');
      return { result: null };
    }
    const written = await db.transaction(async (tx) => {
      const outcome = await upsertOtelTraces(tx, parsed.data);
      await markWebhookDelivery(tx, deliveryId, 'processed');
      return outcome;
    });
    run.touch(written.services);
    return { result: written.counts };
  });

import { and, eq } from 'drizzle-orm';
import { rawPayloads, webhookDeliveries } from '../db/schema';
import type { Db } from '../db/client';
import { storeRawPayloads } from '../domain/store-raw-payloads';
import { isAppError } from '../errors';
import { readBodyBytes } from '../http/read-body-bytes';
import { log } from '../observability/log';
import { recordRejectedRequest } from './record-rejected-request';
import { endpointOf, type WebhookReceiver, type WebhookRefusal } from './webhook-receiver';

export type WebhookReceipt = { status: number; body: Record<string, unknown> };

export type ReceiveWebhookOptions = {
  db: Db;
  request: Request;
  receiver: WebhookReceiver;
  maxBodyBytes: number;
  /** Queues the delivery's normalization; when absent or failing, the delivery waits as `received` for the worker. */
  enqueue?: (deliveryId: string) => Promise<void>;
};

const CODES: Record<number, string> = {
  413: 'PAYLOAD_TOO_LARGE',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  503: 'NOT_CONFIGURED',
};

const refuse = async (db: Db, endpoint: string, refusal: { status: number; reason: string; message: string }): Promise<WebhookReceipt> => {
  await recordRejectedRequest(db, endpoint, refusal.reason);
  return { status: refusal.status, body: { error: refusal.message, code: CODES[refusal.status] ?? 'BAD_REQUEST' } };
};

const isRefusal = (value: object): value is WebhookRefusal => 'reason' in value && 'status' in value;

/**
 * Receives one webhook delivery for the source its receiver describes: the body is read within the size limit (413),
 * the source's credentials checked over the raw bytes before anything is parsed (401, nothing stored), the delivery
 * deduplicated on its id (a redelivery changes nothing), and the payload stored as-is with the delivery in one
 * transaction. Normalization is queued, so the sender gets its answer well within its 10 seconds. A verified payload
 * that cannot be read is kept with the reason and still answered 2xx, so it is not redelivered forever.
 */
export const receiveWebhook = async ({ db, request, receiver, maxBodyBytes, enqueue }: ReceiveWebhookOptions): Promise<WebhookReceipt> => {
  const { source } = receiver;
  const endpoint = endpointOf(receiver);
  const unconfigured = receiver.checkConfigured();
  if (unconfigured) return refuse(db, endpoint, unconfigured);
  let body: Buffer;
  try {
    body = await readBodyBytes(request, maxBodyBytes);
  } catch (error) {
    if (isAppError(error) && error.code === 'PAYLOAD_TOO_LARGE') return refuse(db, endpoint, { status: 413, reason: 'too-large', message: error.message });
    throw error;
  }
  const refusal = await receiver.authenticate(request.headers, body, db);
  if (refusal) return refuse(db, endpoint, refusal);

  let payload: unknown = null;
  let error: string | null = null;
  try {
    payload = JSON.parse(body.toString('utf8'));
    const arrayRefused = Array.isArray(payload) && !receiver.acceptsArrays;
    if (!payload || typeof payload !== 'object' || arrayRefused) error = 'the payload is not a JSON object';
  } catch (parseError) {
    error = `the payload is not JSON: ${(parseError as Error).message}`;
  }
  const identity = receiver.identify(request.headers, payload);
  if (isRefusal(identity)) return refuse(db, endpoint, identity);
  const { event, deliveryId, action, scope } = identity;
  const handled = receiver.handles(event);
  const ping = receiver.isPing?.(event) ?? false;

  const stored = await db.transaction(async (tx) => {
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({
        deliveryId,
        source,
        event,
        action,
        status: !handled ? 'ignored' : error ? 'failed' : ping ? 'processed' : 'received',
        reason: !handled ? `event "${event}" is not used by Waymark` : error,
        processedAt: !handled || error || ping ? new Date() : null,
      })
      .onConflictDoNothing()
      .returning({ deliveryId: webhookDeliveries.deliveryId });
    if (!delivery) return false;
    if (handled && !ping) {
      // Unreadable bodies are kept as text, so the status page can show what came.
      await storeRawPayloads(tx, [
        { source, kind: 'webhook', sourceId: deliveryId, scope, payload: error ? { body: body.toString('utf8').slice(0, 100_000) } : payload, error },
      ]);
      const [row] = await tx.select({ id: rawPayloads.id }).from(rawPayloads).where(and(eq(rawPayloads.source, source), eq(rawPayloads.kind, 'webhook'), eq(rawPayloads.sourceId, deliveryId)));
      await tx.update(webhookDeliveries).set({ rawPayloadId: row!.id }).where(eq(webhookDeliveries.deliveryId, deliveryId));
    }
    return true;
  });
  if (!stored) return { status: 200, body: { delivery: deliveryId, duplicate: true } };
  if (!handled) return { status: 202, body: { delivery: deliveryId, ignored: true } };
  if (error) return { status: 202, body: { delivery: deliveryId, stored: true, error } };
  if (!ping && enqueue) {
    await enqueue(deliveryId).catch((enqueueError: unknown) => log.warn('webhook delivery not queued; the worker will pick it up', { source, deliveryId, error: enqueueError }));
  }
  return { status: 202, body: { delivery: deliveryId, event, action } };
};

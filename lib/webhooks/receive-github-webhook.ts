import { and, eq } from 'drizzle-orm';
import { rawPayloads, webhookDeliveries } from '../db/schema';
import type { Db } from '../db/client';
import { storeRawPayloads } from '../domain/store-raw-payloads';
import { isAppError } from '../errors';
import { readBodyBytes } from '../http/read-body-bytes';
import { log } from '../observability/log';
import { recordRejectedRequest } from './record-rejected-request';
import { verifyGithubSignature } from './verify-github-signature';

/** Events Waymark normalizes; every other event is acknowledged and ignored. */
const HANDLED = new Set(['deployment', 'deployment_status', 'workflow_run', 'pull_request', 'pull_request_review', 'push', 'issues', 'repository', 'ping']);
export const GITHUB_WEBHOOK_ENDPOINT = '/api/webhooks/github';

export type WebhookReceipt = { status: number; body: Record<string, unknown> };

export type ReceiveGithubWebhookOptions = {
  db: Db;
  request: Request;
  secret: string | undefined;
  maxBodyBytes: number;
  /** Queues the delivery's normalization; when absent or failing, the delivery waits as `received` for the worker. */
  enqueue?: (deliveryId: string) => Promise<void>;
};

const refuse = async (db: Db, reason: string, status: number, error: string): Promise<WebhookReceipt> => {
  await recordRejectedRequest(db, GITHUB_WEBHOOK_ENDPOINT, reason);
  return { status, body: { error, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST' } };
};

/**
 * Receives one GitHub webhook delivery: the body is read within the size limit (413), its signature checked over the
 * raw bytes before anything is parsed (401, nothing stored), the delivery deduplicated on X-GitHub-Delivery (a
 * redelivery changes nothing), and the payload stored as-is with the delivery in one transaction. Normalization is
 * queued, so GitHub gets its answer well within its 10 seconds. A signed payload that cannot be read is kept with the
 * reason and still answered 2xx, so GitHub does not redeliver it forever.
 */
export const receiveGithubWebhook = async ({ db, request, secret, maxBodyBytes, enqueue }: ReceiveGithubWebhookOptions): Promise<WebhookReceipt> => {
  if (!secret) return refuse(db, 'no-secret-configured', 503, 'Webhooks are not enabled: set GITHUB_WEBHOOK_SECRET (github.webhookSecret)');
  let body: Buffer;
  try {
    body = await readBodyBytes(request, maxBodyBytes);
  } catch (error) {
    if (isAppError(error) && error.code === 'PAYLOAD_TOO_LARGE') return refuse(db, 'too-large', 413, error.message);
    throw error;
  }
  const signature = request.headers.get('x-hub-signature-256');
  if (!signature) return refuse(db, 'missing-signature', 401, 'X-Hub-Signature-256 is missing (the webhook needs a secret; the SHA-1 X-Hub-Signature is not accepted)');
  if (!verifyGithubSignature(secret, body, signature)) return refuse(db, 'bad-signature', 401, 'X-Hub-Signature-256 does not match the body and the configured secret');

  const event = request.headers.get('x-github-event');
  const deliveryId = request.headers.get('x-github-delivery');
  if (!event || !deliveryId || deliveryId.length > 200) return refuse(db, 'missing-headers', 400, 'X-GitHub-Event and X-GitHub-Delivery are required');

  let payload: unknown = null;
  let error: string | null = null;
  try {
    payload = JSON.parse(body.toString('utf8'));
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) error = 'the payload is not a JSON object';
  } catch (parseError) {
    error = `the payload is not JSON: ${(parseError as Error).message}`;
  }
  const handled = HANDLED.has(event);
  const action = typeof (payload as { action?: unknown } | null)?.action === 'string' ? ((payload as { action: string }).action as string) : null;
  const scope = (payload as { repository?: { full_name?: unknown } } | null)?.repository?.full_name;

  const stored = await db.transaction(async (tx) => {
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({
        deliveryId,
        source: 'github',
        event,
        action,
        status: !handled ? 'ignored' : error ? 'failed' : event === 'ping' ? 'processed' : 'received',
        reason: !handled ? `event "${event}" is not used by Waymark` : error,
        processedAt: !handled || error || event === 'ping' ? new Date() : null,
      })
      .onConflictDoNothing()
      .returning({ deliveryId: webhookDeliveries.deliveryId });
    if (!delivery) return false;
    if (handled && event !== 'ping') {
      // Unreadable bodies are kept as text, so the status page can show what came.
      await storeRawPayloads(tx, [
        { source: 'github', kind: 'webhook', sourceId: deliveryId, scope: typeof scope === 'string' ? scope : null, payload: error ? { body: body.toString('utf8').slice(0, 100_000) } : payload, error },
      ]);
      const [row] = await tx.select({ id: rawPayloads.id }).from(rawPayloads).where(and(eq(rawPayloads.source, 'github'), eq(rawPayloads.kind, 'webhook'), eq(rawPayloads.sourceId, deliveryId)));
      await tx.update(webhookDeliveries).set({ rawPayloadId: row!.id }).where(eq(webhookDeliveries.deliveryId, deliveryId));
    }
    return true;
  });
  if (!stored) return { status: 200, body: { delivery: deliveryId, duplicate: true } };
  if (!handled) return { status: 202, body: { delivery: deliveryId, ignored: true } };
  if (error) return { status: 202, body: { delivery: deliveryId, stored: true, error } };
  if (event !== 'ping' && enqueue) {
    await enqueue(deliveryId).catch((enqueueError: unknown) => log.warn('webhook delivery not queued; the worker will pick it up', { deliveryId, error: enqueueError }));
  }
  return { status: 202, body: { delivery: deliveryId, event, action } };
};

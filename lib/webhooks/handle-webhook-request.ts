import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { errorResponse, jsonResponse } from '../http/json-response';
import { getJobQueue } from '../jobs/get-job-queue';
import { withSpan } from '../observability/trace';
import { receiveWebhook } from './receive-webhook';
import { endpointOf, findWebhookReceiver } from './webhook-receiver';

/**
 * `POST /api/webhooks/<source>` (or the receiver's own `endpoint`, given as `path`): one delivery, handed to the
 * receiver its source registered when the server started. Authenticated by the source's own scheme over the raw body,
 * stored, deduplicated, and normalized by the worker. A source is received at its one path only.
 */
export const handleWebhookRequest = (source: string, request: Request, path = `/api/webhooks/${source}`) =>
  withSpan(`http POST ${path}`, {}, async () => {
    try {
      const receiver = findWebhookReceiver(source);
      if (!receiver || endpointOf(receiver) !== path)
        throw new AppError('NOT_FOUND', `no webhooks are received at ${path}`);
      const queue = getJobQueue();
      const receipt = await receiveWebhook({
        db: await getDb(),
        request,
        receiver,
        maxBodyBytes: getConfig().server.maxBodyBytes,
        enqueue: queue ? (deliveryId) => queue.send(receiver.job, { deliveryId }, { singletonKey: deliveryId }) : undefined,
      });
      return jsonResponse(receipt.body, receipt.status);
    } catch (error) {
      return errorResponse(error);
    }
  });

import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { getJobQueue } from '@/lib/jobs/get-job-queue';
import { JOB_NAMES } from '@/lib/jobs/job-queue';
import { withSpan } from '@/lib/observability/trace';
import { receiveGithubWebhook } from '@/lib/webhooks/receive-github-webhook';

export const dynamic = 'force-dynamic';

/**
 * GitHub webhook deliveries. Authenticated by X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET), verified over the raw body
 * before it is parsed; stored, deduplicated by X-GitHub-Delivery, and normalized by the worker.
 */
export async function POST(request: Request) {
  return withSpan('http POST /api/webhooks/github', {}, async () => {
    try {
      const config = getConfig();
      const queue = getJobQueue();
      const receipt = await receiveGithubWebhook({
        db: await getDb(),
        request,
        secret: config.github.webhookSecret,
        maxBodyBytes: config.server.maxBodyBytes,
        enqueue: queue ? (deliveryId) => queue.send(JOB_NAMES.githubWebhook, { deliveryId }, { singletonKey: deliveryId }) : undefined,
      });
      return jsonResponse(receipt.body, receipt.status);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

import { getConfig } from '../../../lib/config/load-config';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import type { WebhookReceiver } from '../../../lib/webhooks/webhook-receiver';
import { GITHUB_SOURCE } from './github-ids';
import { verifyGithubSignature } from './verify-github-signature';

/** Events Waymark normalizes; every other event is acknowledged and ignored. */
const HANDLED = new Set(['deployment', 'deployment_status', 'workflow_run', 'pull_request', 'pull_request_review', 'push', 'issues', 'repository', 'ping']);

/**
 * GitHub's deliveries (docs.github.com, "Validating webhook deliveries" and "Webhook events and payloads"): signed
 * with X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET) over the raw body, identified by X-GitHub-Event and
 * X-GitHub-Delivery, the repository in the payload's `repository.full_name`. The secret is read when a delivery
 * comes, so a changed configuration applies without a restart.
 */
export const createGithubWebhookReceiver = (secret: () => string | undefined = () => getConfig().github.webhookSecret): WebhookReceiver => ({
  source: GITHUB_SOURCE,
  job: JOB_NAMES.githubWebhook,
  checkConfigured: () =>
    secret()
      ? null
      : { status: 503, reason: 'no-secret-configured', message: 'Webhooks are not enabled: set GITHUB_WEBHOOK_SECRET (github.webhookSecret)' },
  authenticate: (headers, body) => {
    const signature = headers.get('x-hub-signature-256');
    if (!signature) return { status: 401, reason: 'missing-signature', message: 'X-Hub-Signature-256 is missing (the webhook needs a secret; the SHA-1 X-Hub-Signature is not accepted)' };
    if (!verifyGithubSignature(secret()!, body, signature)) {
      return { status: 401, reason: 'bad-signature', message: 'X-Hub-Signature-256 does not match the body and the configured secret' };
    }
    return null;
  },
  identify: (headers, payload) => {
    const event = headers.get('x-github-event');
    const deliveryId = headers.get('x-github-delivery');
    if (!event || !deliveryId || deliveryId.length > 200) return { status: 400, reason: 'missing-headers', message: 'X-GitHub-Event and X-GitHub-Delivery are required' };
    const action = (payload as { action?: unknown } | null)?.action;
    const scope = (payload as { repository?: { full_name?: unknown } } | null)?.repository?.full_name;
    return { event, deliveryId, action: typeof action === 'string' ? action : null, scope: typeof scope === 'string' ? scope : null };
  },
  handles: (event) => HANDLED.has(event),
  isPing: (event) => event === 'ping',
});

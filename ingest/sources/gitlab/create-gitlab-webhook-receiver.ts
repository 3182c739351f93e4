import { getConfig } from '../../../lib/config/load-config';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import type { WebhookReceiver } from '../../../lib/webhooks/webhook-receiver';
import { GITLAB_SOURCE } from './gitlab-ids';
import { verifyStandardWebhook } from '../../../lib/webhooks/verify-standard-webhook';
import { verifyGitlabToken } from './verify-gitlab-token';

/** The X-Gitlab-Event values Waymark normalizes; every other event is acknowledged and ignored. */
export const GITLAB_HANDLED_EVENTS = new Set([
  'Deployment Hook',
  'Merge Request Hook',
  'Pipeline Hook',
  'Issue Hook',
  'Confidential Issue Hook',
  'Push Hook',
]);

export type GitlabWebhookSecrets = { token?: string; signingToken?: string };

const configured = (): GitlabWebhookSecrets => ({
  token: getConfig().gitlab.webhookToken,
  signingToken: getConfig().gitlab.webhookSigningToken,
});

/**
 * GitLab's deliveries (docs.gitlab.com, "Webhooks" and "Webhook events"): authenticated by the secret token in
 * X-Gitlab-Token (WAYMARK_GITLAB_WEBHOOK_TOKEN), named by X-Gitlab-Event, and de-duplicated on Idempotency-Key
 * (GitLab 17.4+, the same on every retry of one delivery) or else X-Gitlab-Event-UUID; the project is the payload's
 * `project.path_with_namespace`. Signed webhooks (a signing token) are checked too. The secrets are read when a
 * delivery comes, so a changed configuration applies at once.
 */
export const createGitlabWebhookReceiver = (secrets: () => GitlabWebhookSecrets = configured): WebhookReceiver => ({
  source: GITLAB_SOURCE,
  job: JOB_NAMES.gitlabWebhook,
  checkConfigured: () =>
    secrets().token || secrets().signingToken
      ? null
      : {
          status: 503,
          reason: 'no-secret-configured',
          message:
            'GitLab webhooks are not enabled: set WAYMARK_GITLAB_WEBHOOK_TOKEN or WAYMARK_GITLAB_WEBHOOK_SIGNING_TOKEN',
        },
  // Every configured credential must hold: the secret token as sent, the signature over the exact bytes received.
  authenticate: (headers, body) => {
    const { token, signingToken } = secrets();
    if (token) {
      const sent = headers.get('x-gitlab-token');
      if (!sent)
        return {
          status: 401,
          reason: 'missing-token',
          message: 'X-Gitlab-Token is missing (set the secret token of the webhook in GitLab)',
        };
      if (!verifyGitlabToken(token, sent))
        return {
          status: 401,
          reason: 'bad-token',
          message: 'X-Gitlab-Token does not match the configured secret token',
        };
    }
    if (signingToken) {
      const problem = verifyStandardWebhook([signingToken], headers, body);
      if (problem) return { status: 401, reason: 'bad-signature', message: problem };
    }
    return null;
  },
  identify: (headers, payload) => {
    const event = headers.get('x-gitlab-event');
    const deliveryId =
      headers.get('idempotency-key') ?? headers.get('webhook-id') ?? headers.get('x-gitlab-event-uuid');
    if (!event || !deliveryId || deliveryId.length > 200)
      return {
        status: 400,
        reason: 'missing-headers',
        message: 'X-Gitlab-Event and X-Gitlab-Event-UUID (or Idempotency-Key) are required',
      };
    const body = payload as {
      object_attributes?: { action?: unknown; status?: unknown };
      status?: unknown;
      project?: { path_with_namespace?: unknown };
    } | null;
    const action = body?.object_attributes?.action ?? body?.object_attributes?.status ?? body?.status;
    const scope = body?.project?.path_with_namespace;
    return {
      event,
      deliveryId,
      action: typeof action === 'string' ? action : null,
      scope: typeof scope === 'string' ? scope : null,
    };
  },
  handles: (event) => GITLAB_HANDLED_EVENTS.has(event),
});

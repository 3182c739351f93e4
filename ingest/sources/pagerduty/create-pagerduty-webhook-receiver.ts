import { getConfig } from '../../../lib/config/load-config';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import type { WebhookReceiver } from '../../../lib/webhooks/webhook-receiver';
import { PAGERDUTY_SOURCE } from './pagerduty-ids';
import { verifyPagerdutySignature } from './verify-pagerduty-signature';

/** v3 event types whose `event.data` is the incident as it is now; the others (notes, responders) are ignored. */
export const PAGERDUTY_INCIDENT_EVENTS = new Set([
  'incident.triggered',
  'incident.acknowledged',
  'incident.unacknowledged',
  'incident.resolved',
  'incident.reopened',
  'incident.priority_updated',
  'incident.escalated',
  'incident.reassigned',
  'incident.delegated',
]);

/** PagerDuty's test delivery, sent when a subscription is tested. */
const PING = 'pagey.ping';

type Event = { event?: { event_type?: unknown; data?: { service?: { id?: unknown } } } };

/**
 * PagerDuty's v3 webhook deliveries at `/api/webhooks/pagerduty`: signed in X-PagerDuty-Signature with the
 * subscription's secret(s) (WAYMARK_PAGERDUTY_WEBHOOK_SECRETS), identified by X-Webhook-Id, which stays the same on
 * every retry of one webhook (developer.pagerduty.com, "Webhook Behavior"), so a redelivery is a duplicate. The
 * delivery id carries the source's name, as GitHub's and PagerDuty's ids share one table.
 */
export const createPagerdutyWebhookReceiver = (
  secrets: () => readonly string[] = () => getConfig().pagerduty.webhookSecrets,
): WebhookReceiver => ({
  source: PAGERDUTY_SOURCE,
  job: JOB_NAMES.pagerdutyWebhook,
  checkConfigured: () =>
    secrets().length > 0
      ? null
      : {
          status: 503,
          reason: 'no-secret-configured',
          message:
            'PagerDuty webhooks are not enabled: set WAYMARK_PAGERDUTY_WEBHOOK_SECRETS (pagerduty.webhookSecrets)',
        },
  authenticate: (headers, body) => {
    const signature = headers.get('x-pagerduty-signature');
    if (!signature) return { status: 401, reason: 'missing-signature', message: 'X-PagerDuty-Signature is missing' };
    if (!verifyPagerdutySignature(secrets(), body, signature)) {
      return {
        status: 401,
        reason: 'bad-signature',
        message: 'no v1 signature in X-PagerDuty-Signature matches the body and a configured secret',
      };
    }
    return null;
  },
  identify: (headers, payload) => {
    const webhookId = headers.get('x-webhook-id');
    if (!webhookId || webhookId.length > 200)
      return { status: 400, reason: 'missing-headers', message: 'X-Webhook-Id is required' };
    const event = (payload as Event | null)?.event;
    const type = typeof event?.event_type === 'string' ? event.event_type : 'unknown';
    const service = event?.data?.service?.id;
    return {
      event: type,
      deliveryId: `${PAGERDUTY_SOURCE}:${webhookId}`,
      action: null,
      scope: typeof service === 'string' ? service : null,
    };
  },
  handles: (event) => PAGERDUTY_INCIDENT_EVENTS.has(event) || event === PING,
  isPing: (event) => event === PING,
});

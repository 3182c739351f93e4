import { getConfig } from '../../../lib/config/load-config';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import type { WebhookReceiver } from '../../../lib/webhooks/webhook-receiver';
import { INCIDENT_IO_SOURCE } from './incident-io-ids';
import { verifyStandardWebhook } from '../../../lib/webhooks/verify-standard-webhook';

/**
 * Event types whose body carries the incident as it is now (api-docs.incident.io, "Webhooks"). Private incidents'
 * events carry only an id, and the others (follow-ups, actions) change nothing Waymark keeps.
 */
export const INCIDENT_IO_INCIDENT_EVENTS = new Set([
  'public_incident.incident_created_v2',
  'public_incident.incident_updated_v2',
  'public_incident.incident_status_updated_v2',
]);

/**
 * incident.io's deliveries at `/api/webhooks/incident-io`: signed as Standard Webhooks (Svix) with the endpoint's
 * secret(s) (WAYMARK_INCIDENT_IO_WEBHOOK_SECRETS), identified by `webhook-id`, which stays the same on every retry
 * of one message, so a redelivery is a duplicate.
 */
export const createIncidentIoWebhookReceiver = (
  secrets: () => readonly string[] = () => getConfig().incidentIo.webhookSecrets,
): WebhookReceiver => ({
  source: INCIDENT_IO_SOURCE,
  job: JOB_NAMES.incidentIoWebhook,
  checkConfigured: () =>
    secrets().length > 0
      ? null
      : {
          status: 503,
          reason: 'no-secret-configured',
          message:
            'incident.io webhooks are not enabled: set WAYMARK_INCIDENT_IO_WEBHOOK_SECRETS (incidentIo.webhookSecrets)',
        },
  authenticate: (headers, body) => {
    const id = headers.get('webhook-id');
    const timestamp = headers.get('webhook-timestamp');
    const signature = headers.get('webhook-signature');
    if (!id || !timestamp || !signature)
      return {
        status: 401,
        reason: 'missing-signature',
        message: 'webhook-id, webhook-timestamp and webhook-signature are required',
      };
    if (verifyStandardWebhook(secrets(), headers, body) !== null)
      return {
        status: 401,
        reason: 'bad-signature',
        message: 'no v1 signature in webhook-signature matches a configured secret, or the timestamp is not recent',
      };
    return null;
  },
  identify: (headers, payload) => {
    const id = headers.get('webhook-id');
    if (!id || id.length > 200) return { status: 400, reason: 'missing-headers', message: 'webhook-id is required' };
    const type = (payload as { event_type?: unknown } | null)?.event_type;
    return {
      event: typeof type === 'string' ? type : 'unknown',
      deliveryId: `${INCIDENT_IO_SOURCE}:${id}`,
      action: null,
      scope: null,
    };
  },
  handles: (event) => INCIDENT_IO_INCIDENT_EVENTS.has(event),
});

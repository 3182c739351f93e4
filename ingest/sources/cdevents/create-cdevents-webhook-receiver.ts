import { stableHash } from '../../../lib/domain/stable-hash';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { formatFieldPath } from '../../../lib/validation/format-field-path';
import { authenticateApiToken } from '../../../lib/webhooks/authenticate-api-token';
import type { WebhookReceiver } from '../../../lib/webhooks/webhook-receiver';
import { isMappedType, unwrapCloudEvent, validateCdevent } from './cdevents-schema';
import { CDEVENTS_SOURCE, eventKey, subjectKey } from './normalize-cdevent';

/**
 * CDEvents at `/api/webhooks/cdevents`, one event a request, as a CloudEvent in binary mode (the CDEvent as the body,
 * `ce-*` headers checked against it) or structured mode (`application/cloudevents+json`, the CDEvent under `data`).
 * Senders are Waymark API clients: `Authorization: Bearer <token>`, as for `/api/events`. An event that is not
 * valid CDEvents v0.5 is refused (400) with the field named before anything is stored; types Waymark does not map
 * are acknowledged and ignored. The delivery id is the event's identity (type, source, id), so a
 * re-sent event is a duplicate.
 */
export const createCdeventsWebhookReceiver = (): WebhookReceiver => ({
  source: CDEVENTS_SOURCE,
  job: JOB_NAMES.cdeventsWebhook,
  checkConfigured: () => null,
  authenticate: (headers, _body, db) => authenticateApiToken(headers, db),
  identify: (headers, payload) => {
    const result = validateCdevent(unwrapCloudEvent(payload));
    if (!result.ok) {
      const [issue] = result.issues;
      return {
        status: 400,
        reason: 'invalid-event',
        message: `not a valid CDEvent: ${formatFieldPath(issue!.path) || '(body)'}: ${issue!.message}`,
      };
    }
    const { event } = result;
    // Binary mode: the CloudEvents context in the headers must be the CDEvent's own (the binding says so).
    const mismatch = [
      ['ce-type', event.context.type],
      ['ce-id', event.context.id],
      ['ce-source', event.context.source],
    ].find(([header, value]) => headers.has(header!) && headers.get(header!) !== value);
    if (mismatch)
      return {
        status: 400,
        reason: 'invalid-event',
        message: `${mismatch[0]} does not match the CDEvent's context (${mismatch[1]})`,
      };
    return {
      event: event.type,
      deliveryId: `${CDEVENTS_SOURCE}:${stableHash(eventKey(event)).slice(0, 40)}`,
      action: null,
      scope: subjectKey(event),
    };
  },
  handles: (event) => isMappedType(event),
});

import { stableHash } from '../../../lib/domain/stable-hash';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { formatFieldPath } from '../../../lib/validation/format-field-path';
import { authenticateApiToken } from '../../../lib/webhooks/authenticate-api-token';
import type { WebhookIdentity, WebhookReceiver, WebhookRefusal } from '../../../lib/webhooks/webhook-receiver';
import { isMappedType, unwrapCloudEvent, validateCdevent, type Cdevent } from './cdevents-schema';
import { CDEVENTS_SOURCE, eventKey, subjectKey } from './normalize-cdevent';

/** CloudEvents' JSON batch format (CloudEvents HTTP binding 1.0, §3.3: a JSON array of structured events). */
const BATCH_TYPE = 'application/cloudevents-batch+json';
/** The event name of a batch delivery, which may mix types. */
export const CDEVENTS_BATCH = 'cdevents.batch';
/** Problems named in one refusal; the rest are counted. */
const LISTED_PROBLEMS = 20;

const invalid = (message: string): WebhookRefusal => ({ status: 400, reason: 'invalid-event', message });

/** One structured or binary-mode event, validated; the problem names the field (and the index, in a batch). */
const readEvent = (value: unknown, index: number | null): { event: Cdevent } | { problems: string[] } => {
  const structured = unwrapCloudEvent(value) !== value;
  const result = validateCdevent(unwrapCloudEvent(value));
  if (result.ok) return { event: result.event };
  return {
    problems: result.issues.map((issue) => {
      const path = [...(index === null ? [] : [index]), ...(structured ? ['data'] : []), ...issue.path];
      return `${formatFieldPath(path) || '(body)'}: ${issue.message}`;
    }),
  };
};

/** A batch: every event valid, or the whole batch refused with each problem's index and field. */
const identifyBatch = (payload: unknown): WebhookIdentity | WebhookRefusal => {
  if (!Array.isArray(payload)) return invalid(`a ${BATCH_TYPE} body is a JSON array of CloudEvents`);
  if (payload.length === 0) return invalid('the batch holds no events; nothing was stored');
  const events: Cdevent[] = [];
  const problems: string[] = [];
  payload.forEach((value, index) => {
    const read = readEvent(value, index);
    if ('event' in read) events.push(read.event);
    else problems.push(...read.problems);
  });
  if (problems.length > 0) {
    const more = problems.length > LISTED_PROBLEMS ? `; … and ${problems.length - LISTED_PROBLEMS} more` : '';
    return invalid(
      `not a valid batch of CDEvents, nothing was stored: ${problems.slice(0, LISTED_PROBLEMS).join('; ')}${more}`,
    );
  }
  return {
    event: CDEVENTS_BATCH,
    deliveryId: `${CDEVENTS_SOURCE}:${stableHash(events.map(eventKey).sort()).slice(0, 40)}`,
    action: null,
    scope: null,
  };
};

/** One event: binary mode (the CDEvent as the body, `ce-*` headers checked against it) or structured mode. */
const identifyEvent = (headers: Headers, payload: unknown): WebhookIdentity | WebhookRefusal => {
  if (Array.isArray(payload)) return invalid(`a JSON array is a batch: send it as Content-Type: ${BATCH_TYPE}`);
  const read = readEvent(payload, null);
  if ('problems' in read) return invalid(`not a valid CDEvent: ${read.problems[0]}`);
  const { event } = read;
  // Binary mode: the CloudEvents context in the headers must be the CDEvent's own (the binding says so).
  const mismatch = [
    ['ce-type', event.context.type],
    ['ce-id', event.context.id],
    ['ce-source', event.context.source],
  ].find(([header, value]) => headers.has(header!) && headers.get(header!) !== value);
  if (mismatch) return invalid(`${mismatch[0]} does not match the CDEvent's context (${mismatch[1]})`);
  return {
    event: event.type,
    deliveryId: `${CDEVENTS_SOURCE}:${stableHash(eventKey(event)).slice(0, 40)}`,
    action: null,
    scope: subjectKey(event),
  };
};

/**
 * CDEvents at `POST /api/events/cdevents`, sent by Waymark API clients: `Authorization: Bearer <token>` with the
 * `events:write` scope, as for `/api/events`. One event a request as a CloudEvent in binary mode or structured mode
 * (`application/cloudevents+json`, the CDEvent under `data`), or a batch (`application/cloudevents-batch+json`, all or
 * nothing). An invalid event is refused (400) with its field (and index) named before anything is stored; types
 * Waymark does not map are acknowledged and ignored (in a batch, kept as raw payloads). The delivery id is the
 * event's identity (type, source, id), or the batch's events', so a re-sent event or batch is a duplicate.
 */
export const createCdeventsWebhookReceiver = (): WebhookReceiver => ({
  source: CDEVENTS_SOURCE,
  endpoint: '/api/events/cdevents',
  acceptsArrays: true,
  job: JOB_NAMES.cdeventsWebhook,
  checkConfigured: () => null,
  authenticate: (headers, _body, db) => authenticateApiToken(headers, db, 'events:write'),
  identify: (headers, payload) =>
    (headers.get('content-type') ?? '').toLowerCase().startsWith(BATCH_TYPE)
      ? identifyBatch(payload)
      : identifyEvent(headers, payload),
  handles: (event) => event === CDEVENTS_BATCH || isMappedType(event),
});

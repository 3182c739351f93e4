import type { Db } from '../../../lib/db/client';
import { markWebhookDelivery } from '../../../lib/webhooks/mark-webhook-delivery';
import { openReceivedDelivery } from '../../../lib/webhooks/open-received-delivery';
import { parsePayload } from '../../../lib/validation/parse-payload';
import { ZPagerdutyIncident, ZPagerdutyWebhook } from './pagerduty-payloads';
import { storePagerdutyPayloads } from './store-pagerduty-payloads';
import { upsertPagerdutyIncidents } from './upsert-pagerduty-incidents';

export type PagerdutyDeliveryOutcome = {
  status: 'processed' | 'failed' | 'skipped';
  services: string[];
  reason?: string;
};

/** The log entry type each clock-moving event stands for; other incident events change only the incident's fields. */
const ENTRY_OF: Record<string, string> = {
  'incident.triggered': 'trigger_log_entry',
  'incident.acknowledged': 'acknowledge_log_entry',
  'incident.unacknowledged': 'unacknowledge_log_entry',
  'incident.resolved': 'resolve_log_entry',
};

/**
 * Normalizes one stored v3 delivery through the functions polling uses: `event.data` is the incident as it is now
 * and replaces the stored one; a clock-moving event is stored as the log entry it stands for (its time is the event's
 * `occurred_at`), then the incident is re-derived from everything stored. A payload that cannot be read marks the
 * delivery failed with the field named; nothing of it reaches the domain tables.
 */
export const processPagerdutyDelivery = async (
  { db, services }: { db: Db; services: Record<string, string> },
  deliveryId: string,
): Promise<PagerdutyDeliveryOutcome> => {
  const delivery = await openReceivedDelivery(db, deliveryId);
  if (!delivery) return { status: 'skipped', services: [] };
  const fail = async (reason: string): Promise<PagerdutyDeliveryOutcome> => {
    await delivery.fail(reason);
    return { status: 'failed', services: [], reason };
  };
  if (delivery.payload === undefined) return fail('the stored payload is missing');
  const webhook = parsePayload(ZPagerdutyWebhook, delivery.payload, `${delivery.event} payload`);
  if (!webhook.ok) return fail(webhook.error);
  const { event } = webhook.value;
  const incident = parsePayload(ZPagerdutyIncident, event.data, `${event.event_type} payload's event.data`);
  if (!incident.ok) return fail(incident.error);
  const entryType = ENTRY_OF[event.event_type];
  const logEntries = entryType
    ? [
        {
          id: `webhook:${event.id}`,
          type: entryType,
          created_at: event.occurred_at,
          incident: { id: incident.value.id, summary: incident.value.title ?? null },
        },
      ]
    : [];
  const written = await db.transaction(async (tx) => {
    await storePagerdutyPayloads(tx, { incidents: [event.data], logEntries });
    const outcome = await upsertPagerdutyIncidents(tx, [incident.value.id], services);
    await markWebhookDelivery(tx, deliveryId, 'processed');
    return outcome;
  });
  return { status: 'processed', services: written.services };
};

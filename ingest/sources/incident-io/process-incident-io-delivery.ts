import { and, eq } from 'drizzle-orm';
import { rawPayloads } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { markWebhookDelivery } from '../../../lib/webhooks/mark-webhook-delivery';
import { openReceivedDelivery } from '../../../lib/webhooks/open-received-delivery';
import { parsePayload } from '../../../lib/validation/parse-payload';
import { INCIDENT_IO_KINDS, INCIDENT_IO_SOURCE } from './incident-io-ids';
import { ZIncidentIoIncident, ZIncidentIoWebhook } from './incident-io-payloads';
import {
  storeIncidentIoIncidents,
  upsertIncidentIoIncidents,
  type IncidentIoSettings,
} from './upsert-incident-io-incidents';

export type IncidentIoDeliveryOutcome = {
  status: 'processed' | 'failed' | 'skipped';
  services: string[];
  reason?: string;
};

/** The incident of a delivery: under the event type's key, itself or (status updates) as its `incident`. */
const incidentOf = (body: Record<string, unknown>, type: string) => {
  const data = body[type] as { incident?: unknown } | undefined;
  return data && typeof data === 'object' && 'incident' in data ? data.incident : data;
};

/**
 * Normalizes one stored delivery through the functions polling uses: the incident in the body replaces the stored
 * one, then it is re-derived. A payload that cannot be read marks the delivery failed with the field named; nothing
 * of it reaches the domain tables.
 */
export const processIncidentIoDelivery = async (
  { db, settings }: { db: Db; settings: IncidentIoSettings },
  deliveryId: string,
): Promise<IncidentIoDeliveryOutcome> => {
  const delivery = await openReceivedDelivery(db, deliveryId);
  if (!delivery) return { status: 'skipped', services: [] };
  const fail = async (reason: string): Promise<IncidentIoDeliveryOutcome> => {
    await delivery.fail(reason);
    return { status: 'failed', services: [], reason };
  };
  if (delivery.payload === undefined) return fail('the stored payload is missing');
  const webhook = parsePayload(ZIncidentIoWebhook, delivery.payload, `${delivery.event} payload`);
  if (!webhook.ok) return fail(webhook.error);
  const type = webhook.value.event_type;
  const body = incidentOf(webhook.value, type);
  const incident = parsePayload(ZIncidentIoIncident, body, `${type} payload's incident`);
  if (!incident.ok) return fail(incident.error);
  const written = await db.transaction(async (tx) => {
    // A retried old delivery must not replace a newer copy (polled, or delivered before it).
    const [stored] = await tx
      .select({ payload: rawPayloads.payload })
      .from(rawPayloads)
      .where(
        and(
          eq(rawPayloads.source, INCIDENT_IO_SOURCE),
          eq(rawPayloads.kind, INCIDENT_IO_KINDS.incident),
          eq(rawPayloads.sourceId, incident.value.id),
        ),
      );
    const storedAt = Date.parse((stored?.payload as { updated_at?: string } | undefined)?.updated_at ?? '');
    if (!(storedAt > Date.parse(incident.value.updated_at))) await storeIncidentIoIncidents(tx, [body]);
    const outcome = await upsertIncidentIoIncidents(tx, [incident.value.id], settings);
    await markWebhookDelivery(tx, deliveryId, 'processed');
    return outcome;
  });
  return { status: 'processed', services: written.services };
};

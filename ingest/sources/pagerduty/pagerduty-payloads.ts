import { z } from 'zod';

/**
 * The parts of PagerDuty's REST API v2 and v3-webhook objects Waymark reads (developer.pagerduty.com, "Incidents",
 * "Log Entries", "V3 Webhooks"). Loose objects: PagerDuty adds fields, and those are kept in the raw payload anyway.
 */
const reference = z.looseObject({ id: z.string().min(1), summary: z.string().nullish() });

export const ZPagerdutyIncident = z.looseObject({
  id: z.string().min(1),
  incident_number: z.number().int().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.string().nullish(),
  priority: reference.nullish(),
  created_at: z.iso.datetime({ offset: true }),
  resolved_at: z.iso.datetime({ offset: true }).nullish(),
  html_url: z.string().nullish(),
  service: reference,
});
export type PagerdutyIncident = z.infer<typeof ZPagerdutyIncident>;

/** Log entry types that move an incident's clock; the others (notify, annotate, assign…) are not read. */
export const CLOCK_ENTRY_TYPES = [
  'trigger_log_entry',
  'acknowledge_log_entry',
  'resolve_log_entry',
  'unacknowledge_log_entry',
] as const;

export const ZPagerdutyLogEntry = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  created_at: z.iso.datetime({ offset: true }),
  incident: reference,
});
export type PagerdutyLogEntry = z.infer<typeof ZPagerdutyLogEntry>;

/** A v3 webhook payload: one event; incident events carry the incident in `event.data`. */
export const ZPagerdutyWebhook = z.looseObject({
  event: z.looseObject({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: z.string().nullish(),
    occurred_at: z.iso.datetime({ offset: true }),
    data: z.looseObject({ type: z.string().nullish() }),
  }),
});

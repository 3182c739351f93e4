import { z } from 'zod';

/**
 * The parts of incident.io's IncidentV2 (api-docs.incident.io, "Incidents V2") Waymark reads. Loose objects:
 * incident.io adds fields, and those are kept in the raw payload anyway.
 */
const time = z.iso.datetime({ offset: true });

const catalogEntry = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  external_id: z.string().nullish(),
});

export const ZIncidentIoIncident = z.looseObject({
  id: z.string().min(1),
  reference: z.string().nullish(),
  name: z.string().nullish(),
  summary: z.string().nullish(),
  /** standard, retrospective, test or tutorial. */
  mode: z.string().min(1),
  permalink: z.string().nullish(),
  created_at: time,
  updated_at: time,
  incident_status: z.looseObject({ name: z.string().nullish(), category: z.string().min(1) }),
  severity: z.looseObject({ name: z.string().nullish() }).nullish(),
  incident_timestamp_values: z
    .array(
      z.looseObject({
        incident_timestamp: z.looseObject({ name: z.string().min(1) }),
        value: z.looseObject({ value: time.nullish() }).nullish(),
      }),
    )
    .nullish(),
  custom_field_entries: z
    .array(
      z.looseObject({
        custom_field: z.looseObject({ id: z.string().min(1), name: z.string().min(1) }),
        values: z.array(
          z.looseObject({
            value_text: z.string().nullish(),
            value_link: z.string().nullish(),
            value_option: z.looseObject({ value: z.string().nullish() }).nullish(),
            value_catalog_entry: catalogEntry.nullish(),
          }),
        ),
      }),
    )
    .nullish(),
});
export type IncidentIoIncident = z.infer<typeof ZIncidentIoIncident>;
export type IncidentIoCatalogEntry = z.infer<typeof catalogEntry>;

/** A webhook body: the event type, and the incident under a key named after the event type. */
export const ZIncidentIoWebhook = z.looseObject({ event_type: z.string().min(1) });

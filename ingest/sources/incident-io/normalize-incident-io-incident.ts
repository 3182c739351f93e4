import { findNamedCause, toCauseColumns } from '../../../lib/domain/find-named-cause';
import type { IncidentIoCatalogEntry, IncidentIoIncident } from './incident-io-payloads';

/** An incident's fields as Waymark keeps them, before its affected services are mapped to Waymark services. */
export type NormalizedIncidentIoIncident = {
  sourceId: string;
  url: string | null;
  title: string | null;
  severity: string | null;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  causedBySha: string | null;
  causedByRef: string | null;
  /** Catalog entries of the service fields, in the order the incident lists them. */
  affected: IncidentIoCatalogEntry[];
};

/** Why an incident is not one Waymark counts; null when it is. */
export type IncidentIoSkip = 'test-mode' | 'not-an-incident';

/** Modes of real incidents; `test` and `tutorial` are practice (incident.io leaves them out of its own insights). */
const COUNTED_MODES = new Set(['standard', 'retrospective']);
/** Status categories of incidents that happened: triage is not yet accepted; declined, canceled, merged never were. */
const COUNTED_CATEGORIES = new Set(['live', 'paused', 'learning', 'closed']);
/** Categories in which the incident is over (post-incident and closed). */
const RESOLVED_CATEGORIES = new Set(['learning', 'closed']);

const timestampOf = (incident: IncidentIoIncident, name: string) => {
  const value = incident.incident_timestamp_values?.find(
    (entry) => entry.incident_timestamp.name.toLowerCase() === name,
  )?.value?.value;
  return value ? new Date(value) : null;
};

export const skipIncidentIoIncident = (incident: IncidentIoIncident): IncidentIoSkip | null =>
  !COUNTED_MODES.has(incident.mode)
    ? 'test-mode'
    : COUNTED_CATEGORIES.has(incident.incident_status.category)
      ? null
      : 'not-an-incident';

/**
 * Times from the incident's timestamps (incident.io's "Reported at", "Accepted at", "Resolved at"…, named per
 * account but these are built in): opened when reported (declared), else `created_at`; resolved only while the status
 * category is `learning` or `closed`, at "Resolved at", else "Closed at". Severity: the severity's name. A commit named
 * in the name, summary or a text/link custom field is kept as the cause (lib/domain/find-named-cause.ts). Affected
 * services: the catalog entries of the custom fields named in `serviceFields` (default "Affected services").
 */
export const normalizeIncidentIoIncident = (
  incident: IncidentIoIncident,
  serviceFields: readonly string[],
): NormalizedIncidentIoIncident => {
  const fields = new Set(serviceFields.map((name) => name.toLowerCase()));
  const entries = incident.custom_field_entries ?? [];
  const affected = entries
    .filter((entry) => fields.has(entry.custom_field.name.toLowerCase()))
    .flatMap((entry) => entry.values.map((value) => value.value_catalog_entry))
    .filter((entry): entry is IncidentIoCatalogEntry => Boolean(entry));
  const texts = entries.flatMap((entry) => entry.values.flatMap((value) => [value.value_text, value.value_link]));
  const resolved = RESOLVED_CATEGORIES.has(incident.incident_status.category);
  return {
    sourceId: incident.id,
    url: incident.permalink ?? null,
    title: incident.reference && incident.name ? `${incident.reference}: ${incident.name}` : (incident.name ?? null),
    severity: incident.severity?.name ?? null,
    openedAt: timestampOf(incident, 'reported at') ?? new Date(incident.created_at),
    acknowledgedAt: timestampOf(incident, 'accepted at'),
    resolvedAt: resolved ? (timestampOf(incident, 'resolved at') ?? timestampOf(incident, 'closed at')) : null,
    ...toCauseColumns(findNamedCause(incident.name, incident.summary, ...texts)),
    affected,
  };
};

/** A catalog entry of the "Service" catalog type, as incident.io's catalog importer creates them. */
export type FakeCatalogEntry = { id: string; name: string; externalId: string | null };

export type FakeIoIncident = {
  id: string;
  number: number;
  name: string;
  summary: string | null;
  /** The "Notes" text custom field. */
  notes?: string | null;
  mode: 'standard' | 'retrospective' | 'test' | 'tutorial';
  /** incident.io's status category: triage, live, learning, closed, declined… */
  category: string;
  severity: string | null;
  /** Catalog entry ids of the "Affected services" field. */
  services: string[];
  createdAt: Date;
  updatedAt: Date;
  reportedAt: Date;
  resolvedAt: Date | null;
};

export type FakeIncidentIoWorld = { entries: FakeCatalogEntry[]; incidents: FakeIoIncident[] };

export const SERVICE_FIELD = { id: '01FIELDAFFECTEDSERVICES', name: 'Affected services' };

const STATUS_NAMES: Record<string, string> = {
  triage: 'Triage',
  live: 'Investigating',
  learning: 'Post-incident',
  closed: 'Closed',
  declined: 'Declined',
};

const timestamp = (id: string, name: string, at: Date | null) => ({
  incident_timestamp: { id, name, rank: 1 },
  ...(at ? { value: { value: at.toISOString() } } : {}),
});

/** An incident as `GET /v2/incidents` and webhooks render it (IncidentV2, api-docs.incident.io). */
export const renderIoIncident = (world: FakeIncidentIoWorld, incident: FakeIoIncident) => ({
  id: incident.id,
  reference: `INC-${incident.number}`,
  name: incident.name,
  summary: incident.summary,
  mode: incident.mode,
  visibility: 'public',
  permalink: `https://app.incident.io/acme/incidents/${incident.number}`,
  created_at: incident.createdAt.toISOString(),
  updated_at: incident.updatedAt.toISOString(),
  incident_status: {
    id: `01STATUS${incident.category.toUpperCase()}`,
    name: STATUS_NAMES[incident.category] ?? incident.category,
    category: incident.category,
    rank: 1,
  },
  severity: incident.severity ? { id: `01SEV${incident.severity}`, name: incident.severity, rank: 1 } : null,
  incident_timestamp_values: [
    timestamp('01TSREPORTED', 'Reported at', incident.reportedAt),
    timestamp('01TSACCEPTED', 'Accepted at', incident.category === 'triage' ? null : incident.reportedAt),
    timestamp('01TSRESOLVED', 'Resolved at', incident.resolvedAt),
  ],
  custom_field_entries: [
    {
      custom_field: { ...SERVICE_FIELD, field_type: 'multi_select', description: 'Services affected' },
      values: incident.services.map((id) => {
        const entry = world.entries.find((candidate) => candidate.id === id)!;
        return {
          value_catalog_entry: { id: entry.id, name: entry.name, external_id: entry.externalId, aliases: [] },
        };
      }),
    },
    {
      custom_field: { id: '01FIELDNOTES', name: 'Notes', field_type: 'text', description: 'Free text' },
      values: incident.notes ? [{ value_text: incident.notes }] : [],
    },
  ],
});

/** A webhook body: `{event_type, <event_type>: incident}`; a status update nests it as `incident`. */
export const renderIoWebhook = (world: FakeIncidentIoWorld, incident: FakeIoIncident, type: string) => {
  const rendered = renderIoIncident(world, incident);
  return {
    event_type: type,
    [type]: type.endsWith('incident_status_updated_v2') ? { incident: rendered } : rendered,
  };
};

/** The source name of incident.io rows, raw payloads, cursors, runs and webhook deliveries. */
export const INCIDENT_IO_SOURCE = 'incident-io';

/** Raw payload kinds: an incident as last fetched or delivered, keyed by its incident.io id. */
export const INCIDENT_IO_KINDS = { incident: 'incident' } as const;

import type { Db } from '../../../lib/db/client';
import { renormalizeStoredIds } from '../renormalize-source';
import { INCIDENT_IO_KINDS, INCIDENT_IO_SOURCE } from './incident-io-ids';
import { upsertIncidentIoIncidents, type IncidentIoSettings } from './upsert-incident-io-incidents';

/**
 * Re-derives every stored incident.io incident with today's normalizer and service mapping, through the same
 * `upsertIncidentIoIncidents` polling and webhooks use (so an added mapping also moves incidents out of unmapped).
 */
export const renormalizeIncidentIo = (db: Db, settings: IncidentIoSettings) =>
  renormalizeStoredIds(db, INCIDENT_IO_SOURCE, INCIDENT_IO_KINDS.incident, (tx, ids) =>
    upsertIncidentIoIncidents(tx, ids, settings),
  );

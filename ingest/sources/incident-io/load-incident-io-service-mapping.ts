import type { Executor } from '../../../lib/db/client';
import { listCatalogAnnotation } from '../../../lib/domain/list-catalog-annotation';
import { listServiceNames } from '../../../lib/domain/list-service-names';
import type { IncidentIoServiceMapping } from './map-incident-io-service';

/**
 * Waymark's annotation naming a component's incident.io catalog entry (its id, or its external id). incident.io
 * defines none: its Backstage plugin matches entries by the entity's `namespace/name`, which the name rule covers.
 */
export const INCIDENT_IO_ANNOTATION = 'incident.io/catalog-entry-id';

/** Reads the mapping inputs once per batch: the catalog annotations, the configured map and the service names. */
export const loadIncidentIoServiceMapping = async (
  db: Executor,
  configured: Record<string, string>,
): Promise<IncidentIoServiceMapping> => {
  const { mapped } = await listCatalogAnnotation(db, INCIDENT_IO_ANNOTATION);
  return { annotated: mapped, configured, names: await listServiceNames(db) };
};

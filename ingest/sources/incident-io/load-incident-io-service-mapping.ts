import { services } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { listCatalogAnnotation } from '../../../lib/domain/list-catalog-annotation';
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
  const names = new Map<string, string>();
  for (const row of await db.select({ name: services.name }).from(services).orderBy(services.name)) {
    const key = row.name.toLowerCase();
    if (!names.has(key)) names.set(key, row.name);
  }
  return { annotated: mapped, configured, names };
};

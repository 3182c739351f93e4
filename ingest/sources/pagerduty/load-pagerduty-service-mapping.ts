import { services } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { listCatalogAnnotation } from '../../../lib/domain/list-catalog-annotation';
import type { PagerdutyServiceMapping } from './map-pagerduty-service';

/** Backstage's annotation naming a component's PagerDuty service (the PagerDuty plugin for Backstage reads it too). */
export const PAGERDUTY_ANNOTATION = 'pagerduty.com/service-id';

/** Reads the mapping inputs once per batch: the catalog annotations, the configured map and the service names. */
export const loadPagerdutyServiceMapping = async (
  db: Executor,
  configured: Record<string, string>,
): Promise<PagerdutyServiceMapping> => {
  const { mapped } = await listCatalogAnnotation(db, PAGERDUTY_ANNOTATION);
  const names = new Map<string, string>();
  for (const row of await db.select({ name: services.name }).from(services).orderBy(services.name)) {
    const key = row.name.toLowerCase();
    if (!names.has(key)) names.set(key, row.name);
  }
  return { annotated: mapped, configured, names };
};

import type { Executor } from '../../../lib/db/client';
import { listCatalogAnnotation } from '../../../lib/domain/list-catalog-annotation';
import { listServiceNames } from '../../../lib/domain/list-service-names';
import type { PagerdutyServiceMapping } from './map-pagerduty-service';

/** Backstage's annotation naming a component's PagerDuty service (the PagerDuty plugin for Backstage reads it too). */
export const PAGERDUTY_ANNOTATION = 'pagerduty.com/service-id';

/** Reads the mapping inputs once per batch: the catalog annotations, the configured map and the service names. */
export const loadPagerdutyServiceMapping = async (
  db: Executor,
  configured: Record<string, string>,
): Promise<PagerdutyServiceMapping> => {
  const { mapped } = await listCatalogAnnotation(db, PAGERDUTY_ANNOTATION);
  return { annotated: mapped, configured, names: await listServiceNames(db) };
};

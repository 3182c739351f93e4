import {
  describeCatalogEntity,
  describeCatalogService,
  readCatalogRepository,
} from '../../../lib/domain/normalize-catalog-info';
import type { ServiceRow } from '../../../lib/domain/types';
import { BACKSTAGE_SOURCE, makeBackstageEntityKey } from './backstage-ids';
import type { BackstageComponent } from './backstage-payloads';

/**
 * A Component as a service, through the same catalog normalizer catalog-info.yaml files go through (team from
 * spec.owner, lifecycle, tier, tags and the system as a tag), so a service reads the same whether its entity came
 * from a repository or from the catalog. The repository comes from the slug annotations; the whole entity is kept in
 * `catalog`, where the PagerDuty and incident.io mappings and scorecard rules find its annotations.
 */
export const normalizeBackstageComponent = (component: BackstageComponent): ServiceRow => {
  const key = makeBackstageEntityKey(component);
  return describeCatalogService(
    {
      name: component.metadata.name,
      repository: readCatalogRepository(component),
      source: BACKSTAGE_SOURCE,
      sourceId: key,
    },
    describeCatalogEntity(component, `Component ${key}`),
  );
};

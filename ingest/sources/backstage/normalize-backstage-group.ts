import type { teams } from '../../../lib/db/schema';
import { readCatalogTeam } from '../../../lib/domain/normalize-catalog-info';
import { BACKSTAGE_SOURCE } from './backstage-ids';
import type { BackstageGroup } from './backstage-payloads';

export type TeamRow = typeof teams.$inferInsert;

/**
 * A Group as a team: its name, the profile's display name (else the entity's title) and the team of its parent
 * group, read like an owner ref (`group:default/engineering` → `engineering`). The hierarchy comes from `spec.parent`
 * alone: the catalog derives `children` from the parents, so reading both would only say the same thing twice.
 */
export const normalizeBackstageGroup = (group: BackstageGroup): TeamRow => ({
  name: group.metadata.name,
  displayName: group.spec.profile?.displayName?.trim() || group.metadata.title?.trim() || null,
  parent: readCatalogTeam(group.spec.parent),
  source: BACKSTAGE_SOURCE,
});

import type { ServiceRow } from '../../../lib/domain/types';
import type { CatalogInfo } from './normalize-catalog-info';

// Backstage owners are entity refs: `group:default/payments`, `payments`, or `user:jdoe` (a person, not a team).
const teamOf = (owner: unknown) => {
  if (typeof owner !== 'string' || owner.trim() === '') return null;
  const match = /^(?:(\w+):)?(?:[\w.-]+\/)?(.+)$/.exec(owner.trim());
  if (!match || (match[1] && match[1] !== 'group')) return null;
  return match[2]!;
};

/** The service row a repository describes: its location, and what its catalog entry says when it has a valid one. */
export const normalizeGitService = (service: string, location: string, catalog: CatalogInfo | null): ServiceRow => {
  const entity = catalog?.status === 'ok' ? catalog.entity : null;
  const spec = entity?.spec ?? {};
  const tags = (entity?.metadata as { tags?: unknown } | undefined)?.tags;
  return {
    name: service,
    team: teamOf(spec.owner),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : null,
    tier: null,
    repository: location,
    tags: Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : null,
    catalog: entity as Record<string, unknown> | null,
    source: 'git',
    sourceId: location,
  };
};

import type { ServiceRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, serviceOf } from './github-ids';
import type { GithubRepository } from './github-payloads';

/**
 * A repository is a service named after it. Only what GitHub knows is set; team, lifecycle and tier are left
 * null so the catalog (or another source) keeps what it said.
 */
export const normalizeRepository = (repository: GithubRepository): ServiceRow => ({
  name: serviceOf(repository.full_name),
  repository: repository.full_name,
  source: GITHUB_SOURCE,
  sourceId: repository.full_name,
  team: null,
  lifecycle: null,
  tier: null,
  tags: null,
  catalog: null,
});

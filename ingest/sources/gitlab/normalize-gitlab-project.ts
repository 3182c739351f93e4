import type { CatalogResult } from '../../../lib/domain/normalize-catalog';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, serviceOfProject } from './gitlab-ids';
import type { GitlabProject } from './gitlab-payloads';

/**
 * A project is a service named by its path. What its catalog-info.yaml says (owner → team, lifecycle, tier, tags)
 * is added when the file was read and parsed; otherwise those stay null, so another source's values are kept.
 */
export const normalizeGitlabProject = (project: GitlabProject, catalog: CatalogResult | null = null): ServiceRow => {
  const described = catalog?.status === 'ok' ? catalog : null;
  return {
    name: serviceOfProject(project.path_with_namespace),
    repository: project.path_with_namespace,
    source: GITLAB_SOURCE,
    sourceId: project.path_with_namespace,
    team: described?.team ?? null,
    lifecycle: described?.lifecycle ?? null,
    tier: described?.tier ?? null,
    tags: described?.tags ?? null,
    catalog: described?.data ?? null,
  };
};

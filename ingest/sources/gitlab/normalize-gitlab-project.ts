import { describeCatalogService, type CatalogInfo } from '../../../lib/domain/normalize-catalog-info';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, serviceOfProject } from './gitlab-ids';
import type { GitlabProject } from './gitlab-payloads';

/**
 * A project is a service named by its path. What its catalog-info.yaml says (owner → team, lifecycle, tier, tags) is
 * added when the file was read and parsed, as for every source; otherwise those stay null, so another source's
 * values are kept.
 */
export const normalizeGitlabProject = (project: GitlabProject, catalog: CatalogInfo | null = null): ServiceRow =>
  describeCatalogService(
    {
      name: serviceOfProject(project.path_with_namespace),
      repository: project.path_with_namespace,
      source: GITLAB_SOURCE,
      sourceId: project.path_with_namespace,
    },
    catalog,
  );

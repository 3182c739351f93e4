import { describeCatalogService, type CatalogInfo } from '../../../lib/domain/normalize-catalog-info';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, serviceOfProject } from './gitlab-ids';
import type { GitlabProject } from './gitlab-payloads';

/**
 * A project is a service named by its path. What its catalog-info.yaml says (owner → team, lifecycle, tier, tags)
 * is added when the file was read and parsed; otherwise those stay null, so another source's values are kept.
 */
export const normalizeGitlabProject = (project: GitlabProject, catalog: CatalogInfo | null = null): ServiceRow => {
  const path = project.path_with_namespace;
  return describeCatalogService({ name: serviceOfProject(path), repository: path, source: GITLAB_SOURCE, sourceId: path }, catalog);
};

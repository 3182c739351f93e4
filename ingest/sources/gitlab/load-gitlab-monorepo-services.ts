import type { Executor } from '../../../lib/db/client';
import { loadMonorepoServices, type MonorepoKey } from '../../../lib/domain/record-monorepo-services';
import { GITLAB_CURSOR_SOURCE } from './gitlab-settings';

export const gitlabMonorepoKey = (path: string): MonorepoKey => ({
  cursorSource: GITLAB_CURSOR_SOURCE,
  repository: path,
});

/** A project's monorepo services as its last facts step recorded them (lib/domain/record-monorepo-services.ts). */
export const loadGitlabMonorepoServices = (db: Executor, path: string) =>
  loadMonorepoServices(db, gitlabMonorepoKey(path));

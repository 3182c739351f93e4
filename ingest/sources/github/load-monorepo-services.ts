import type { Executor } from '../../../lib/db/client';
import { loadMonorepoServices, type MonorepoKey } from '../../../lib/domain/record-monorepo-services';
import { GITHUB_CURSOR_SOURCE } from './github-settings';

export const githubMonorepoKey = (fullName: string): MonorepoKey => ({
  cursorSource: GITHUB_CURSOR_SOURCE,
  repository: fullName,
});

/** A repository's monorepo services as its last facts step recorded them (lib/domain/record-monorepo-services.ts). */
export const loadGithubMonorepoServices = (db: Executor, fullName: string) =>
  loadMonorepoServices(db, githubMonorepoKey(fullName));

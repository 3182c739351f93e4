import type { GitlabClientOptions } from '../../../ingest/sources/gitlab/create-gitlab-client';
import type { GitlabSettings } from '../../../ingest/sources/gitlab/gitlab-settings';
import { DEFAULT_FACT_FILE_GLOBS } from '../../../lib/domain/select-fact-files';
import type { FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';

export const GITLAB_SETTINGS: GitlabSettings = {
  productionPattern: '^(prod|production)$',
  incidentLabel: 'incident',
  backfillHorizonDays: 30,
  // Smaller than the fake's listings (13 deployments, 16 pipelines, 20 projects), so every walk spans pages.
  perPage: 10,
  factFileGlobs: DEFAULT_FACT_FILE_GLOBS,
};

/** gitbeaker pointed at the fake, with server-given waits and back-off shrunk to milliseconds. */
export const gitlabClientOptions = (
  fake: FakeGitlab,
  overrides: Partial<GitlabClientOptions> = {},
): GitlabClientOptions => ({
  baseUrl: fake.url,
  token: fake.token,
  retries: 3,
  msPerSecond: 1,
  backoffBaseMs: 1,
  ...overrides,
});

export const GITLAB_DOMAIN = [
  'services',
  'teams',
  'deployments',
  'changes',
  'deployment_changes',
  'incidents',
  'pipeline_runs',
  'pull_requests',
];

import type { GithubClientOptions } from '../../../ingest/sources/github/create-github-client';
import type { GithubSettings } from '../../../ingest/sources/github/github-settings';
import { DEFAULT_FACT_FILE_GLOBS } from '../../../lib/domain/select-fact-files';
import type { FakeGithub } from '../../fakes/github/fake-github-server';

export const TEST_TOKEN = 'ghp_faketoken0000000000000000000000000000';

export const TEST_SETTINGS: GithubSettings = {
  deployWorkflowPattern: 'deploy',
  productionPattern: '^(prod|production)$',
  incidentLabel: 'incident',
  backfillHorizonDays: 30,
  factFileGlobs: DEFAULT_FACT_FILE_GLOBS,
};

/** octokit pointed at the fake through baseUrl, with back-off and rate-limit waits shrunk to milliseconds. */
export const testClientOptions = (fake: FakeGithub, overrides: Partial<GithubClientOptions> = {}): GithubClientOptions => ({
  apiUrl: fake.url,
  auth: { token: TEST_TOKEN },
  retries: 3,
  retryBaseMs: 1,
  throttleBaseMs: 1,
  ...overrides,
});

export const FIXED_NOW = new Date('2026-11-20T12:00:00Z');

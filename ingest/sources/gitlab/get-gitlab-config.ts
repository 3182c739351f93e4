import type { Config } from '../../../lib/config/config-schema';
import { getFactFileGlobs } from '../../../lib/scorecard/get-fact-file-globs';
import type { GitlabClientOptions } from './create-gitlab-client';
import type { GitlabSettings } from './gitlab-settings';

export type GitlabConfig = {
  /** null without a token (WAYMARK_GITLAB_TOKEN): syncs are refused, webhooks then keep deliveries for later. */
  client: GitlabClientOptions | null;
  settings: GitlabSettings;
  group: string | null;
  projects: string[];
};

/** The GitLab source's view of the configuration (`gitlab:` in waymark.yaml, the token from the environment). */
export const getGitlabConfig = (config: Config): GitlabConfig => ({
  client: config.gitlab.token ? { baseUrl: config.gitlab.baseUrl, token: config.gitlab.token } : null,
  settings: {
    productionPattern: config.metrics.productionEnvironmentPattern,
    incidentLabel: config.gitlab.incidentLabel,
    backfillHorizonDays: config.gitlab.backfillHorizonDays,
    perPage: 100,
    factFileGlobs: getFactFileGlobs(),
    services: config.git.services,
  },
  group: config.gitlab.group ?? null,
  projects: config.gitlab.projects,
});

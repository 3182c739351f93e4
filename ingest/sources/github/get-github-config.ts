import type { Config } from '../../../lib/config/config-schema';
import { AppError } from '../../../lib/errors';
import type { GithubClientOptions } from './create-github-client';
import { getFactFileGlobs } from '../../../lib/scorecard/get-fact-file-globs';
import type { GithubSettings } from './github-settings';

export type GithubConfig = { client: GithubClientOptions | null; settings: GithubSettings };

/**
 * The GitHub source's view of the configuration: a token, or a GitHub App (id, private key, installation), or
 * neither (webhooks then normalize what payloads carry, and syncs are refused with a clear message).
 */
export const getGithubConfig = (config: Config): GithubConfig => {
  const github = config.github;
  const settings: GithubSettings = {
    deployWorkflowPattern: github.deployWorkflowPattern,
    productionPattern: config.metrics.productionEnvironmentPattern,
    incidentLabel: github.incidentLabel,
    backfillHorizonDays: github.backfillHorizonDays,
    factFileGlobs: getFactFileGlobs(),
    services: config.git.services,
  };
  const app = [github.appId, github.privateKey, github.installationId];
  if (app.some(Boolean) && !app.every(Boolean)) {
    throw new AppError(
      'CONFIG_INVALID',
      'A GitHub App needs all of GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID',
    );
  }
  const auth = github.token
    ? { token: github.token }
    : github.appId
      ? {
          appId: github.appId,
          privateKey: github.privateKey!.replace(/\\n/g, '\n'),
          installationId: github.installationId!,
        }
      : null;
  return { client: auth ? { apiUrl: github.apiUrl, auth } : null, settings };
};

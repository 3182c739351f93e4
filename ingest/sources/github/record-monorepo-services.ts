import type { Executor } from '../../../lib/db/client';
import { recordMonorepoServices } from '../../../lib/domain/record-monorepo-services';
import { describeMonorepoServices } from './describe-monorepo-services';
import { GITHUB_SOURCE } from './github-ids';
import type { GithubSettings } from './github-settings';
import { githubMonorepoKey } from './load-monorepo-services';

/**
 * Records the services of a repository (waymark.yaml names it `owner/name` or by its name; its deployments' source
 * ids start with `owner/name/`); each is a candidate until a deployment names it (upsertGithubDeployments).
 */
export const recordGithubMonorepoServices = (
  tx: Executor,
  { fullName, settings }: { fullName: string; settings: GithubSettings },
  catalogFiles: Readonly<Record<string, string>>,
) =>
  recordMonorepoServices(
    tx,
    {
      ...githubMonorepoKey(fullName),
      names: [fullName, fullName.split('/')[1]!],
      configured: settings.services ?? [],
      source: GITHUB_SOURCE,
      deploymentPrefix: `${fullName}/`,
      describe: (services) => describeMonorepoServices(tx, fullName, services),
    },
    catalogFiles,
  );

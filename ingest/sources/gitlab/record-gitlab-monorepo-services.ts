import type { Executor } from '../../../lib/db/client';
import { recordMonorepoServices } from '../../../lib/domain/record-monorepo-services';
import { describeGitlabMonorepoServices } from './describe-gitlab-monorepo-services';
import { GITLAB_SOURCE } from './gitlab-ids';
import type { GitlabSettings } from './gitlab-settings';
import { gitlabMonorepoKey } from './load-gitlab-monorepo-services';

/**
 * Records the services of a project (waymark.yaml names it by its full path or its name; its deployments' source ids
 * start with `<path>/deployments/`); each is a candidate until a deployment names it (upsertGitlabDeployments).
 */
export const recordGitlabMonorepoServices = (
  tx: Executor,
  { path, settings }: { path: string; settings: GitlabSettings },
  catalogFiles: Readonly<Record<string, string>>,
) =>
  recordMonorepoServices(
    tx,
    {
      ...gitlabMonorepoKey(path),
      names: [path, path.split('/').at(-1)!],
      configured: settings.services ?? [],
      source: GITLAB_SOURCE,
      deploymentPrefix: `${path}/deployments/`,
      describe: (services) => describeGitlabMonorepoServices(tx, path, services),
    },
    catalogFiles,
  );

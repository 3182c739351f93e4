import { makeChangeId, makeId } from '../../../lib/domain/ids';

export const GITHUB_SOURCE = 'github';

/**
 * Source ids of GitHub records. A Deployments API deployment and an Actions-run deployment live in different id
 * spaces on GitHub, so the Actions one carries `run/` to keep them apart.
 */
export const githubIds = {
  service: (repositoryName: string) => repositoryName,
  deployment: (fullName: string, deploymentId: number) => `${fullName}/${deploymentId}`,
  runDeployment: (fullName: string, runId: number) => `${fullName}/run/${runId}`,
  pipelineRun: (fullName: string, runId: number) => `${fullName}/${runId}`,
  pullRequest: (fullName: string, number: number) => `${fullName}#${number}`,
  incident: (fullName: string, number: number) => `${fullName}#${number}`,
  deploymentId: (sourceId: string) => makeId(GITHUB_SOURCE, 'deployment', sourceId),
  pullRequestId: (fullName: string, number: number) => makeId(GITHUB_SOURCE, 'pull_request', `${fullName}#${number}`),
  changeId: (service: string, sha: string) => makeChangeId(GITHUB_SOURCE, service, sha.toLowerCase()),
};

/** The service a repository is: its name, as catalog entries and events-v1 feeds usually call it. */
export const serviceOf = (fullName: string) => fullName.split('/')[1]!;

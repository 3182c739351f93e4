import { makeChangeId, makeId } from '../../../lib/domain/ids';

export const GITLAB_SOURCE = 'gitlab';

/** Source ids of GitLab records: the project's full path and the record's id (`!iid`: merge request, `#iid`: issue). */
export const gitlabIds = {
  deployment: (project: string, id: number) => `${project}/deployments/${id}`,
  pipeline: (project: string, id: number) => `${project}/pipelines/${id}`,
  mergeRequest: (project: string, iid: number) => `${project}!${iid}`,
  incident: (project: string, iid: number) => `${project}#${iid}`,
  deploymentId: (project: string, id: number) => makeId(GITLAB_SOURCE, 'deployment', gitlabIds.deployment(project, id)),
  mergeRequestId: (project: string, iid: number) =>
    makeId(GITLAB_SOURCE, 'pull_request', gitlabIds.mergeRequest(project, iid)),
  changeId: (service: string, sha: string) => makeChangeId(GITLAB_SOURCE, service, sha.toLowerCase()),
};

/** The service a project is: its path (the last segment of its full path), as GitHub repositories are their name. */
export const serviceOfProject = (pathWithNamespace: string) => pathWithNamespace.split('/').at(-1)!;

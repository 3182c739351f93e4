import type { GitlabClient } from './create-gitlab-client';

export type ProjectSelection = { group?: string | null; projects?: string[] };

/**
 * The projects to sync, as GitLab describes them: a group's (with its subgroups', keyset-paginated by id, so a
 * group past 10,000 projects is listed whole) or the listed ones, each read by path or id. Archived ones are left out.
 */
export const collectGitlabProjects = async (
  client: GitlabClient,
  selection: ProjectSelection,
  perPage: number,
): Promise<unknown[]> => {
  if (selection.projects && selection.projects.length > 0) {
    const listed: unknown[] = [];
    for (const project of selection.projects) listed.push(await client.api.Projects.show(project));
    return listed;
  }
  const projects = (await client.api.Groups.allProjects(selection.group!, {
    includeSubgroups: true,
    archived: false,
    withShared: false,
    pagination: 'keyset',
    orderBy: 'id',
    sort: 'asc',
    perPage,
  })) as unknown[];
  return projects;
};

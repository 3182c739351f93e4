import { findNamedCause } from '../../../lib/domain/find-named-cause';
import { makeId } from '../../../lib/domain/ids';
import type { IncidentRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, gitlabIds, serviceOfProject } from './gitlab-ids';
import type { GitlabIssue } from './gitlab-payloads';

/** Whether an issue is an incident: of type incident (GitLab's own), or carrying the configured label. */
export const isGitlabIncident = (issue: GitlabIssue, incidentLabel: string) =>
  issue.issue_type === 'incident' ||
  issue.type?.toLowerCase() === 'incident' ||
  (issue.labels ?? []).some((label) => label.toLowerCase() === incidentLabel.toLowerCase());

/** An incident opens when its issue is created and is resolved when the issue is closed; other issues give null. */
export const normalizeGitlabIncident = (
  project: string,
  issue: GitlabIssue,
  incidentLabel: string,
): IncidentRow | null => {
  if (!isGitlabIncident(issue, incidentLabel)) return null;
  const sourceId = gitlabIds.incident(project, issue.iid);
  const cause = findNamedCause(issue.title, issue.description);
  return {
    id: makeId(GITLAB_SOURCE, 'incident', sourceId),
    source: GITLAB_SOURCE,
    sourceId,
    url: issue.web_url ?? null,
    service: serviceOfProject(project),
    title: issue.title ?? null,
    severity: (issue.labels ?? []).find((label) => /^(sev|severity)/i.test(label))?.toLowerCase() ?? null,
    openedAt: issue.created_at,
    resolvedAt: issue.state === 'closed' ? (issue.closed_at ?? issue.updated_at) : null,
    causedBy: null,
    causedBySha: cause.sha,
    causedByRef: cause.ref,
  };
};

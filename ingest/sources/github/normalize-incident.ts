import { makeId } from '../../../lib/domain/ids';
import type { IncidentRow } from '../../../lib/domain/types';
import { findIncidentCause } from './find-incident-cause';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { labelNames, type GithubIssue } from './github-payloads';

/**
 * An issue carrying the incident label is an incident: opened when created, resolved when closed. Anything else
 * (another issue, a pull request, which the issues API lists too) is not, and gives null.
 */
export const normalizeIncident = (fullName: string, issue: GithubIssue, incidentLabel: string): IncidentRow | null => {
  if (issue.pull_request) return null;
  const wanted = incidentLabel.toLowerCase();
  if (!labelNames(issue.labels).some((label) => label.toLowerCase() === wanted)) return null;
  const sourceId = githubIds.incident(fullName, issue.number);
  return {
    id: makeId(GITHUB_SOURCE, 'incident', sourceId),
    source: GITHUB_SOURCE,
    sourceId,
    url: issue.html_url ?? null,
    service: serviceOf(fullName),
    title: issue.title ?? null,
    severity: labelNames(issue.labels).find((label) => /^sev/i.test(label))?.toLowerCase() ?? null,
    openedAt: issue.created_at,
    resolvedAt: issue.state === 'open' ? null : (issue.closed_at ?? null),
    ...findIncidentCause(fullName, issue.body),
  };
};

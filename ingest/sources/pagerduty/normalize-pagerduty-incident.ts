import { findNamedCause, toCauseColumns } from '../../../lib/domain/find-named-cause';
import type { PagerdutyIncident, PagerdutyLogEntry } from './pagerduty-payloads';

/** An incident's fields as Waymark keeps them, before its PagerDuty service is mapped to a Waymark service. */
export type NormalizedPagerdutyIncident = {
  sourceId: string;
  url: string | null;
  title: string | null;
  severity: string | null;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  /** A commit, request or URL the title or description names as the cause (lib/domain/find-named-cause.ts). */
  causedBySha: string | null;
  causedByRef: string | null;
  pagerdutyService: { id: string; name: string | null };
};

const time = (entry: PagerdutyLogEntry) => new Date(entry.created_at).getTime();

/**
 * Times come from the log entries, which say when each step happened; the incident object only says where it is
 * now. Opened: the first trigger entry (else `created_at`, for incidents triggered before the backfill horizon).
 * Acknowledged: the first acknowledgement. Resolved: only while the incident is resolved now, the last resolve entry
 * (a reopened incident was not recovered at its first resolve), else `resolved_at`. Severity: the priority's name
 * (P1…) when the account uses priorities, else the urgency (high, low). A commit named in the title or description
 * is kept as the cause, so the incident is attributed to the deployment that shipped it.
 */
export const normalizePagerdutyIncident = (
  incident: PagerdutyIncident,
  logEntries: PagerdutyLogEntry[],
): NormalizedPagerdutyIncident => {
  const entries = logEntries
    .filter((entry) => entry.incident.id === incident.id)
    .sort((a, b) => time(a) - time(b) || a.id.localeCompare(b.id));
  const first = (type: string) => entries.find((entry) => entry.type === type);
  const trigger = first('trigger_log_entry');
  const openedAt = trigger ? new Date(trigger.created_at) : new Date(incident.created_at);
  const acknowledge = entries.find(
    (entry) => entry.type === 'acknowledge_log_entry' && time(entry) >= openedAt.getTime(),
  );
  const resolve = entries.findLast((entry) => entry.type === 'resolve_log_entry');
  const resolvedAt =
    incident.status !== 'resolved'
      ? null
      : resolve
        ? new Date(resolve.created_at)
        : incident.resolved_at
          ? new Date(incident.resolved_at)
          : null;
  return {
    sourceId: incident.id,
    url: incident.html_url ?? null,
    title: incident.title ?? null,
    severity: incident.priority?.summary ?? incident.urgency ?? null,
    openedAt,
    acknowledgedAt: acknowledge ? new Date(acknowledge.created_at) : null,
    resolvedAt,
    ...toCauseColumns(findNamedCause(incident.title, incident.description)),
    pagerdutyService: { id: incident.service.id, name: incident.service.summary ?? null },
  };
};

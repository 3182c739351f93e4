import { formatDateTime } from '../format/format-date';
import { servicePath } from '../links/name-path';
import { toPublicUrl } from '../links/to-public-url';
import type { CheckChange } from './list-check-changes';

export type NotificationMessage = {
  id: string;
  kind: string;
  service: string | null;
  team: string | null;
  subject: string;
  body: string;
  /** A marker written as sent, to remember a decision, never delivered. */
  silent?: boolean;
};

/** The words of one change: what happened to which service, whose it is, and where to see why and how to fix it. */
export const composeCheckNotification = (change: CheckChange, publicUrl: string | null): NotificationMessage => {
  const check = change.title ? `"${change.title}"` : change.checkId;
  const level = change.level ? ` (${change.level})` : '';
  const owner = change.team ? `team ${change.team}` : 'no team';
  const subject =
    change.kind === 'check-regression'
      ? `${change.service} now fails ${check}${level}`
      : `${change.service} passes ${check}${level} again`;
  const page = toPublicUrl(publicUrl, servicePath(change.service));
  const what =
    change.kind === 'check-regression'
      ? `It passed before, under the same rule; the service page says why it fails now and how to fix it.`
      : `It failed before, under the same rule.`;
  const body = [
    `${subject} (${owner}; check ${change.checkId}, evaluated ${formatDateTime(change.evaluatedAt)}).`,
    what,
    ...(page ? [page] : []),
  ].join('\n');
  return {
    id: `${change.kind}:${change.resultId}`,
    kind: change.kind,
    service: change.service,
    team: change.team,
    subject,
    body,
  };
};

import type { TeamTodoRow } from '../campaigns/order-team-todos';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { formatRate } from '../metrics/format-rate';
import { formatSeconds } from '../metrics/format-seconds';
import type { DoraMetrics } from '../metrics/metrics-types';
import { teamPath } from '../links/name-path';
import { toPublicUrl } from '../links/to-public-url';
import { DAY_MS, WEEK_MS } from '../format/time-units';
import type { NotificationMessage } from './compose-check-notification';

export type TeamDigestInput = {
  team: string;
  /** The Monday (UTC) the digest's week ended on: it covers the 7 days before. */
  weekEnd: Date;
  week: DoraMetrics;
  previous: DoraMetrics;
  todos: readonly TeamTodoRow[];
  publicUrl: string | null;
};

/** "12 (8 the week before)": this week's figure with last week's beside it, never a bare percentage change. */
const beside = (now: string, before: string) =>
  now === before ? `${now} (same as the week before)` : `${now} (${before} the week before)`;

/**
 * A team's week in a few lines: the five DORA figures of the last 7 days beside the week before, then what to fix
 * next (the first services of its to-do, with the checks that block their next level), and where to read more.
 */
export const composeTeamDigest = ({
  team,
  weekEnd,
  week,
  previous,
  todos,
  publicUrl,
}: TeamDigestInput): NotificationMessage => {
  const weekStart = new Date(weekEnd.getTime() - WEEK_MS);
  const lastDay = new Date(weekEnd.getTime() - DAY_MS);
  const subject = `${team}: the week of ${formatDate(weekStart)}`;
  const lines = [
    `${team}, ${formatDate(weekStart)} to ${formatDate(lastDay)}:`,
    `- Deployments: ${beside(String(week.deploymentFrequency.deployments), String(previous.deploymentFrequency.deployments))}`,
    `- Lead time for changes (median): ${beside(formatSeconds(week.leadTime.p50Seconds), formatSeconds(previous.leadTime.p50Seconds))}`,
    `- Change failure rate: ${beside(formatRate(week.changeFailureRate.rate), formatRate(previous.changeFailureRate.rate))}` +
      ` of ${formatCount(week.changeFailureRate.deployments, 'deployment')}`,
    `- Failed deployment recovery time (median): ${beside(formatSeconds(week.recoveryTime.p50Seconds), formatSeconds(previous.recoveryTime.p50Seconds))}`,
    `- Deployment rework rate: ${beside(formatRate(week.reworkRate.rate), formatRate(previous.reworkRate.rate))}`,
  ];
  if (todos.length === 0) lines.push('', 'Nothing blocks a service from its next level.');
  else {
    lines.push(
      '',
      `To do: ${formatCount(todos.length, 'service')} below ${todos.length === 1 ? 'its' : 'their'} next level. First:`,
    );
    for (const row of todos.slice(0, 3)) {
      const checks = row.blocking.map((check) => check.title).join('; ');
      lines.push(`- ${row.service} (${row.level} → ${row.nextLevel}): ${checks}`);
    }
  }
  const page = toPublicUrl(publicUrl, `${teamPath(team)}/todo`);
  if (page) lines.push('', page);
  const id = `team-digest:${team}:${weekEnd.toISOString().slice(0, 10)}`;
  return { id, kind: 'team-digest', service: null, team, subject, body: lines.join('\n') };
};

import { inArray } from 'drizzle-orm';
import { listServiceTodos } from '../campaigns/list-service-todos';
import { orderTeamTodos } from '../campaigns/order-team-todos';
import { listTeams } from '../catalog/list-teams';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { notifications } from '../db/schema';
import { getDoraMetrics } from '../metrics/get-dora-metrics';
import { getStandards } from '../scorecard/get-standards';
import { composeTeamDigest } from './compose-team-digest';
import { listDueMetricAlerts } from './list-due-metric-alerts';
import { HOUR_MS, DAY_MS, WEEK_MS } from '../format/time-units';
import type { NotificationMessage } from './compose-check-notification';

/** The Monday 00:00 UTC on or before `now`: the end of the last whole week. */
export const findWeekEnd = (now: Date) => {
  const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
};

/**
 * The weekly messages not yet written, from `hourUtc` on Monday: per team that has somewhere to go (`routed`), its
 * digest of the 7 days before Monday 00:00 UTC beside the week before, and any line its figures crossed or came back
 * within (`thresholds`).
 */
export const listDueTeamDigests = async ({
  db,
  now,
  hourUtc,
  routed,
  publicUrl,
  thresholds = [],
}: {
  db: Executor;
  now: Date;
  hourUtc: number;
  routed: (team: string) => boolean;
  publicUrl: string | null;
  thresholds?: Config['notifications']['thresholds'];
}): Promise<NotificationMessage[]> => {
  const weekEnd = findWeekEnd(now);
  if (now.getTime() < weekEnd.getTime() + hourUtc * HOUR_MS) return [];
  const teams = (await listTeams({ db })).map((team) => team.name).filter(routed);
  const idOf = (team: string) => `team-digest:${team}:${weekEnd.toISOString().slice(0, 10)}`;
  if (teams.length === 0) return [];
  const written = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(inArray(notifications.id, teams.map(idOf)));
  const done = new Set(written.map((row) => row.id));
  const standards = getStandards();
  const digests: NotificationMessage[] = [];
  for (const team of teams.filter((name) => !done.has(idOf(name)))) {
    const windowOf = (end: Date) => ({ from: new Date(end.getTime() - WEEK_MS), to: end });
    const [week, previous, listings] = await Promise.all([
      getDoraMetrics({ db, scope: { team }, window: windowOf(weekEnd) }),
      getDoraMetrics({ db, scope: { team }, window: windowOf(new Date(weekEnd.getTime() - WEEK_MS)) }),
      listServiceTodos({ db, team, standards, now }),
    ]);
    digests.push(composeTeamDigest({ team, weekEnd, week, previous, todos: orderTeamTodos(listings), publicUrl }));
    // The team's lines are looked at once a week too, before its digest is written (so not again that week).
    digests.push(...(await listDueMetricAlerts({ db, teams: [team], thresholds, weekEnd, publicUrl })));
  }
  return digests;
};

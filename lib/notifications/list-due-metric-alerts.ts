import { and, desc, eq, like } from 'drizzle-orm';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { notifications } from '../db/schema';
import { formatNumber } from '../metrics/format-number';
import { formatRate } from '../metrics/format-rate';
import { getDoraMetrics } from '../metrics/get-dora-metrics';
import type { DoraMetrics } from '../metrics/metrics-types';
import { toPublicUrl } from '../links/to-public-url';
import { WEEK_MS } from '../format/time-units';
import type { NotificationMessage } from './compose-check-notification';

type Threshold = Config['notifications']['thresholds'][number];
type Metric = Threshold['metric'];

const hours = (seconds: number | null) => (seconds === null ? null : seconds / 3600);

const METRICS: Record<Metric, { label: string; read: (m: DoraMetrics) => number | null; show: (v: number) => string }> =
  {
    deploymentsPerWeek: {
      label: 'Deployments per week',
      read: (m) => m.deploymentFrequency.deployments,
      show: (v) => formatNumber(v),
    },
    leadTimeP50Hours: {
      label: 'Lead time for changes (median)',
      read: (m) => hours(m.leadTime.p50Seconds),
      show: (v) => `${formatNumber(v)} h`,
    },
    changeFailureRate: {
      label: 'Change failure rate',
      read: (m) => m.changeFailureRate.rate,
      show: (v) => formatRate(v),
    },
    recoveryTimeP50Hours: {
      label: 'Failed deployment recovery time (median)',
      read: (m) => hours(m.recoveryTime.p50Seconds),
      show: (v) => `${formatNumber(v)} h`,
    },
    reworkRate: { label: 'Deployment rework rate', read: (m) => m.reworkRate.rate, show: (v) => formatRate(v) },
  };

const isBeyond = (line: Threshold, value: number) =>
  line.above !== undefined ? value > line.above : value < line.below!;
const isBack = (line: Threshold, value: number) =>
  line.above !== undefined ? value <= (line.recoverAt ?? line.above) : value >= (line.recoverAt ?? line.below!);
const describeLine = (line: Threshold) =>
  `${line.above !== undefined ? 'above' : 'below'} ${METRICS[line.metric].show(line.above ?? line.below!)}`;

/** Whether the team's figure is over the line now: the last crossing or recovery announced for it says. */
const isCrossed = async (db: Executor, team: string, metric: Metric) => {
  const [last] = await db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.team, team), like(notifications.id, `metric-%:${metric}:%`)))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return last?.kind === 'metric-crossed';
};

/**
 * For each team and configured line, the week that ended at `weekEnd`: a crossing when the figure was beyond the
 * line for `weeks` weeks in a row and had not crossed yet, a recovery when it had and is back within `recoverAt`.
 * A week without data (no deployment, no change) neither crosses nor recovers.
 */
export const listDueMetricAlerts = async ({
  db,
  teams,
  thresholds,
  weekEnd,
  publicUrl,
}: {
  db: Executor;
  teams: readonly string[];
  thresholds: readonly Threshold[];
  weekEnd: Date;
  publicUrl: string | null;
}): Promise<NotificationMessage[]> => {
  const alerts: NotificationMessage[] = [];
  const day = weekEnd.toISOString().slice(0, 10);
  for (const team of teams) {
    for (const line of thresholds) {
      const metric = METRICS[line.metric];
      const crossed = await isCrossed(db, team, line.metric);
      const weeks = crossed ? 1 : line.weeks;
      const values: (number | null)[] = [];
      for (let back = 0; back < weeks; back++) {
        const to = new Date(weekEnd.getTime() - back * WEEK_MS);
        const window = { from: new Date(to.getTime() - WEEK_MS), to };
        values.push(metric.read(await getDoraMetrics({ db, scope: { team }, window })));
      }
      if (values.some((value) => value === null)) continue;
      const latest = values[0]!;
      const link = toPublicUrl(publicUrl, `/dora?team=${encodeURIComponent(team)}`);
      const page = link ? `\n${link}` : '';
      if (!crossed && values.every((value) => isBeyond(line, value!))) {
        const subject = `${team}: ${metric.label.toLowerCase()} ${describeLine(line)} for ${line.weeks} weeks`;
        const shown = values
          .map((value) => metric.show(value!))
          .reverse()
          .join(', ');
        const body = `${subject} (${shown}, oldest first; the week to ${day} last).${page}`;
        alerts.push({
          id: `metric-crossed:${team}:${line.metric}:${day}`,
          kind: 'metric-crossed',
          service: null,
          team,
          subject,
          body,
        });
      } else if (crossed && isBack(line, latest)) {
        const subject = `${team}: ${metric.label.toLowerCase()} is back (${metric.show(latest)} in the week to ${day})`;
        alerts.push({
          id: `metric-recovered:${team}:${line.metric}:${day}`,
          kind: 'metric-recovered',
          service: null,
          team,
          subject,
          body: `${subject}.${page}`,
        });
      }
    }
  }
  return alerts;
};

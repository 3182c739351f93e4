import { listTeams } from '../catalog/list-teams';
import type { Executor } from '../db/client';
import { getTeamMetrics } from '../metrics/get-team-metrics';
import type { MetricsWindow } from '../metrics/metrics-types';
import { toCsv } from './to-csv';

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100);

/**
 * The teams table's DORA figures as CSV, one row per team (optionally one team) over one window: each team's
 * figures pool its services' events, as on the Teams page (getTeamMetrics: one statement for every team). Durations in hours,
 * rates as fractions, so a spreadsheet can compute with them.
 */
export const buildTeamMetricsCsv = async ({ db, window, team }: { db: Executor; window: MetricsWindow; team?: string }) => {
  const teams = (await listTeams({ db })).filter((row) => team === undefined || row.name === team);
  const metrics = await getTeamMetrics({ db, window });
  return toCsv(
    [
      'team',
      'services',
      'from',
      'to',
      'deployments',
      'deployments_per_day',
      'lead_time_p50_hours',
      'lead_time_p90_hours',
      'change_failure_rate',
      'failed_deployments',
      'recovery_time_p50_hours',
      'rework_rate',
      'dora_2025_overall_score',
    ],
    teams.map((row) => {
      const figures = metrics.get(row.name)!;
      return [
        row.name,
        row.services,
        figures.window.from,
        figures.window.to,
        figures.deploymentFrequency.deployments,
        figures.deploymentFrequency.perDay,
        hours(figures.leadTime.p50Seconds),
        hours(figures.leadTime.p90Seconds),
        figures.changeFailureRate.rate,
        figures.changeFailureRate.failed,
        hours(figures.recoveryTime.p50Seconds),
        figures.reworkRate.rate,
        figures.overall,
      ];
    }),
  );
};

import { inArray } from 'drizzle-orm';
import { serviceOwners, services } from '../db/schema';
import { withSpan } from '../observability/trace';
import { getMetricsSettings } from './get-metrics-settings';
import { shapeDoraSeries, type DoraSeries, type DoraSeriesRequest } from './get-dora-series';
import { queryBucketCells } from './query-bucket-cells';

export type TeamSeriesRequest = Omit<DoraSeriesRequest, 'scope'> & { teams: string[] };

/**
 * Several teams' series side by side (each equal to getDoraSeries for `{ team }`), in one statement grouped by team:
 * the comparison of teams over time. Teams owning no service get no entry.
 */
export const getTeamSeries = async ({ teams, ...request }: TeamSeriesRequest): Promise<Map<string, DoraSeries>> =>
  withSpan('waymark.metrics.get_team_series', { 'waymark.teams': teams.join(',') }, async () => {
    if (teams.length === 0) return new Map();
    // The services the teams own, or (by owners at each event's time) ever owned: the grouping keeps each event on
    // the team of its time, and events on teams outside the list are left out below.
    const owned =
      getMetricsSettings(request.settings).teamOwners === 'current'
        ? await request.db.select({ name: services.name }).from(services).where(inArray(services.team, teams))
        : await request.db
            .selectDistinct({ name: serviceOwners.service })
            .from(serviceOwners)
            .where(inArray(serviceOwners.team, teams));
    const scope = { services: owned.map((service) => service.name) };
    const { buckets, cells } = await queryBucketCells({ ...request, scope, groupBy: 'team' });
    const byTeam = new Map<string, typeof cells>();
    for (const cell of cells) byTeam.set(cell.g, [...(byTeam.get(cell.g) ?? []), cell]);
    return new Map(
      teams
        .filter((team) => byTeam.has(team))
        .map((team) => [
          team,
          shapeDoraSeries(
            byTeam.get(team)!.sort((a, b) => a.w - b.w),
            buckets,
            { ...request, scope: { team } },
          ),
        ]),
    );
  });

import type { Metadata } from 'next';
import Link from 'next/link';
import { listTeams } from '@/lib/catalog/list-teams';
import { getDb } from '@/lib/db/client';
import { describeFittedSeries, fitSeriesWindow } from '@/lib/metrics/fit-series-window';
import { getTeamSeries } from '@/lib/metrics/get-team-series';
import chartStyles from '../../_components/charts/charts.module.css';
import { TREND_METRICS, toTeamComparison } from '../../_components/dora/trend-metrics';
import { FilterBar } from '../../_components/filters/filter-bar';
import { getDefaultDays } from '../../_components/filters/get-default-days';
import { rangeParams, readFilters, type SearchParams } from '../../_components/filters/read-filters';
import { resolveWindow } from '../../_components/filters/resolve-window';
import { formatWindow } from '../../_components/format/format-window';
import { Card } from '../../_components/ui/card';
import { ConnectSource } from '../../_components/ui/connect-source';
import { PageHeader } from '../../_components/ui/page-header';
import ui from '../../_components/ui/ui.module.css';
import { ComparisonChart } from './_components/comparison-chart';
import { readComparedTeams } from './_components/read-compared-teams';
import { TEAM_LINES } from './_components/team-lines';
import { TeamPicker } from './_components/team-picker';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare teams' };

const LEDE = "Up to six teams' delivery figures over time, side by side on shared axes. Each team's figure pools its services.";

export default async function CompareTeamsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const defaultDays = getDefaultDays();
  const search = await searchParams;
  const filters = { ...readFilters(search, defaultDays), team: null, service: null };
  const db = await getDb();
  const known = (await listTeams({ db })).map((team) => team.name);
  const header = <PageHeader title="Compare teams" lede={LEDE} />;
  if (known.length === 0) {
    return (
      <>
        {header}
        <ConnectSource title="No teams yet" />
      </>
    );
  }
  const chosen = readComparedTeams(search, known);
  const { window } = await resolveWindow(filters, { org: true });
  const fitted = fitSeriesWindow(window, filters.bucket);
  const byTeam = await getTeamSeries({ db, teams: chosen, window: fitted.window, bucket: fitted.bucket });
  const keepRange = { ...rangeParams(filters, defaultDays), ...(filters.bucket === 'month' ? { bucket: 'month' } : {}) };
  return (
    <>
      {header}
      <FilterBar action="/teams/compare" filters={filters} defaultDays={defaultDays} showBucket keep={{ teams: chosen.join(',') }} />
      <TeamPicker known={known} chosen={chosen} keep={keepRange} />
      <p className={chartStyles.legend} data-compared-teams data-window-from={window.from.toISOString()} data-window-to={window.to.toISOString()}>
        {chosen.map((team, index) => (
          <span key={team}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="28" y2="5" stroke={TEAM_LINES[index]!.colour} strokeWidth="2" strokeDasharray={TEAM_LINES[index]!.dash} />
            </svg>{' '}
            <Link href={`/teams/${encodeURIComponent(team)}`}>{team}</Link> ({TEAM_LINES[index]!.dashName})
          </span>
        ))}
        <span>{formatWindow(window)}</span>
      </p>
      <div className={ui.twoCol}>
        {TREND_METRICS.map((metric) => {
          const comparison = toTeamComparison(metric, byTeam);
          const labels = comparison.teams[0]?.points.map((point) => point.label) ?? [];
          return (
            <Card key={metric.key} title={metric.title} hint={describeFittedSeries(fitted, filters.bucket)}>
              <div data-comparison={metric.key}>
                <ComparisonChart teams={comparison.teams} yLabel={comparison.yLabel} axis={comparison.axis} />
                <div className="visually-hidden">
                <table>
                  <caption>
                    {metric.title} per {fitted.bucket}, by team
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{fitted.bucket === 'week' ? 'Week of' : 'Month'}</th>
                      {comparison.teams.map(({ team }) => (
                        <th key={team} scope="col">
                          {team}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {labels.map((label, index) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        {comparison.teams.map(({ team, points }) => (
                          <td key={team}>
                            {points[index]!.display} ({points[index]!.samplesText})
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}

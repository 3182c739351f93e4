import Link from 'next/link';
import { listTeams, type TeamRow } from '@/lib/catalog/list-teams';
import { getDb } from '@/lib/db/client';
import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatScore } from '@/lib/metrics/format-score';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import { getDoraMetrics } from '@/lib/metrics/get-dora-metrics';
import { getTeamMetrics } from '@/lib/metrics/get-team-metrics';
import type { DoraMetrics, MetricsWindow } from '@/lib/metrics/metrics-types';
import { UNRANKED } from '@/lib/scorecard/compute-scorecard-summary';
import { getStandards } from '@/lib/scorecard/get-standards';
import { listScorecards } from '@/lib/scorecard/list-scorecards';
import { FigureCell } from '../../_components/dora/figure-cell';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { EmptyState } from '../../_components/ui/states';
import { teamPath } from '@/lib/links/name-path';

type Row = TeamRow & { metrics: DoraMetrics; levels: string };

const COLUMNS: Column<Row>[] = [
  {
    label: 'Team',
    cell: (team) => (
      <>
        <Link href={teamPath(team.name)}>{team.displayName ?? team.name}</Link>
        {team.parent ? <span className="muted"> · in {team.parent}</span> : null}
      </>
    ),
  },
  { label: 'Services', numeric: true, cell: (team) => team.services },
  { label: 'Golden-path levels', cell: (team) => team.levels },
  {
    label: 'Deployment frequency',
    numeric: true,
    cell: ({ metrics }) => (
      <FigureCell
        text={formatDeployFrequency(metrics.deploymentFrequency.perDay)}
        value={metrics.deploymentFrequency.perDay}
        metrics={metrics}
        metric="deploymentFrequency"
      />
    ),
  },
  {
    label: 'Lead time',
    numeric: true,
    cell: ({ metrics }) => (
      <FigureCell
        text={formatSeconds(metrics.leadTime.p50Seconds)}
        value={metrics.leadTime.p50Seconds}
        metrics={metrics}
        metric="leadTime"
      />
    ),
  },
  {
    label: 'Change failure rate',
    numeric: true,
    cell: ({ metrics }) => (
      <FigureCell
        text={formatRate(metrics.changeFailureRate.rate)}
        value={metrics.changeFailureRate.rate}
        metrics={metrics}
        metric="changeFailureRate"
      />
    ),
  },
  {
    label: 'Recovery time',
    numeric: true,
    cell: ({ metrics }) => (
      <FigureCell
        text={formatSeconds(metrics.recoveryTime.p50Seconds)}
        value={metrics.recoveryTime.p50Seconds}
        metrics={metrics}
        metric="recoveryTime"
      />
    ),
  },
  {
    label: 'DORA 2025 overall score',
    numeric: true,
    cell: ({ metrics }) => <span data-score="overall">{formatScore(metrics.overall)}</span>,
  },
];

/** Each team's name with every team below it, from the parents the rows name. */
const subteamsOf = (teams: TeamRow[]) => (root: string) => {
  const found = new Set([root]);
  for (let size = 0; size !== found.size;) {
    size = found.size;
    for (const team of teams) if (team.parent && found.has(team.parent)) found.add(team.name);
  }
  return found;
};

/** Every team that owns a service: how many, at which golden-path levels, and the team's pooled DORA figures. */
export async function TeamsTable({ window }: { window: MetricsWindow }) {
  const db = await getDb();
  const teams = await listTeams({ db });
  if (teams.length === 0) {
    return (
      <EmptyState title="No service names its team yet">
        <p className="muted">
          Set <code>team</code> on <code>service</code> records, or <code>spec.owner</code> in catalog-info.yaml.
        </p>
      </EmptyState>
    );
  }
  // One statement grouped by team: a team's figures pool its services' events (not an average of them).
  const [scorecards, metrics] = await Promise.all([listScorecards({ db }), getTeamMetrics({ db, window })]);
  const levels = [...getStandards().levels].reverse().concat(UNRANKED);
  const below = subteamsOf(teams);
  const describeLevels = (team: string) =>
    levels
      .map(
        (level) =>
          [level, scorecards.filter((row) => below(team).has(row.team ?? '') && row.level === level).length] as const,
      )
      .filter(([, count]) => count > 0)
      .map(([level, count]) => `${count} ${level}`)
      .join(' · ') || '—';
  // A team with sub-teams pools theirs too, which the grouped statement (each event on its one owning team) cannot
  // give: those few are read one by one.
  const pooled = await Promise.all(
    teams
      .filter((team) => team.hasSubteams)
      .map(async (team) => [team.name, await getDoraMetrics({ db, scope: { team: team.name }, window })] as const),
  );
  const figuresOf = new Map([...metrics, ...pooled]);
  const rows = teams.flatMap((team) => {
    const figures = figuresOf.get(team.name);
    return figures ? [{ ...team, metrics: figures, levels: describeLevels(team.name) }] : [];
  });
  return (
    <DataTable
      columns={COLUMNS}
      rows={rows}
      rowKey={(team) => team.name}
      caption="Teams, their services and delivery figures"
      captionHidden
      testId="teams-table"
    />
  );
}

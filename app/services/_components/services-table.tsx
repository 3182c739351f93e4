import Link from 'next/link';
import { listServices } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db/client';
import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import { getServiceMetricsTable, type ServiceMetricsRow } from '@/lib/metrics/get-service-metrics-table';
import type { MetricsWindow } from '@/lib/metrics/metrics-types';
import { getStandards } from '@/lib/scorecard/get-standards';
import { listScorecards } from '@/lib/scorecard/list-scorecards';
import { UNRANKED } from '@/lib/scorecard/compute-scorecard-summary';
import { FigureCell } from '../../_components/dora/figure-cell';
import { Badge } from '../../_components/ui/badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { SortHeader, type SortDirection } from '../../_components/ui/sort-header';
import { sortRows } from '../../_components/ui/sort-rows';
import { Pager } from '../../_components/ui/pager';
import { EmptyState } from '../../_components/ui/states';
import table from '../../_components/ui/table.module.css';
import { servicePath, teamPath } from '@/lib/links/name-path';

export const SERVICE_COLUMNS = [
  'service',
  'team',
  'level',
  'frequency',
  'leadTime',
  'failureRate',
  'recovery',
] as const;
export type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

type Row = {
  name: string;
  team: string | null;
  repository: string | null;
  metrics: ServiceMetricsRow | null;
  level: string | null;
  levelRank: number;
  score: number | null;
};

const VALUES: Record<ServiceColumn, (row: Row) => string | number | null> = {
  service: (row) => row.name,
  team: (row) => row.team,
  // Levels sort by rank; the score (0–1, halved so it never reaches the next rank) orders services within a level.
  level: (row) => row.levelRank + (row.score ?? 0) / 2,
  frequency: (row) => row.metrics?.deploymentFrequency.perDay ?? null,
  leadTime: (row) => row.metrics?.leadTime.p50Seconds ?? null,
  failureRate: (row) => row.metrics?.changeFailureRate.rate ?? null,
  recovery: (row) => row.metrics?.recoveryTime.p50Seconds ?? null,
};

type ServicesTableProps = {
  query: string;
  sort: ServiceColumn;
  dir: SortDirection;
  window: MetricsWindow;
  href: (sort: string, dir: SortDirection) => string;
  team?: string;
  /** Where a page of rows starts, and the address of another: an organization's table is shown a page at a time. */
  page?: { offset: number; href: (offset: number) => string };
};

// A page of an organization's services: at 2,000 services the whole table was an 8 MB page.
const PAGE_ROWS = 100;

/**
 * Every service with its owner, golden-path level and score, and the four keys over the window (one grouped query
 * for all services), sortable by
 * any column and filtered by a search over name, team and repository; all services or one team's.
 */
function LevelCell({ level, score }: { level: string | null; score: number | null }) {
  if (!level) return <span className="muted">—</span>;
  return (
    <span className={table.level}>
      <Badge value={level} label={level === UNRANKED ? 'Unranked' : undefined} />
      <span className="muted">{formatRate(score)} pass</span>
    </span>
  );
}

export async function ServicesTable({ query, sort, dir, window, href, team, page }: ServicesTableProps) {
  const db = await getDb();
  const [services, metrics, scorecards] = await Promise.all([
    listServices({ db, team }),
    getServiceMetricsTable({ db, window, team }),
    listScorecards({ db, team }),
  ]);
  const byService = new Map(metrics.rows.map((row) => [row.service, row]));
  const cards = new Map(scorecards.map((row) => [row.service, row]));
  // Levels sort by rank (unranked lowest), not alphabetically.
  const ranks = [UNRANKED, ...getStandards().levels];
  const needle = query.toLowerCase();
  const rows: Row[] = services
    .filter(
      (row) => !needle || [row.name, row.team, row.repository].some((value) => value?.toLowerCase().includes(needle)),
    )
    .map((row) => {
      const card = cards.get(row.name);
      return {
        name: row.name,
        team: row.team,
        repository: row.repository,
        metrics: byService.get(row.name) ?? null,
        level: card?.level ?? null,
        levelRank: card ? ranks.indexOf(card.level) : -1,
        score: card?.score ?? null,
      };
    });
  if (rows.length === 0)
    return (
      <EmptyState title={`No service matches “${query}”`}>{<Link href="/services">Clear the search</Link>}</EmptyState>
    );
  const header = (label: string, column: ServiceColumn, numeric?: boolean, descendingFirst = numeric) => (
    <SortHeader
      label={label}
      column={column}
      sort={sort}
      dir={dir}
      href={href}
      numeric={numeric}
      descendingFirst={descendingFirst}
    />
  );
  const columns: Column<Row>[] = [
    {
      label: 'Service',
      header: header('Service', 'service'),
      cell: (row) => <Link href={servicePath(row.name)}>{row.name}</Link>,
    },
    // On a team's page every row is that team's: the column would repeat the page title.
    ...(team
      ? []
      : [
          {
            label: 'Team',
            header: header('Team', 'team'),
            cell: (row: Row) =>
              row.team ? <Link href={teamPath(row.team)}>{row.team}</Link> : <span className="muted">—</span>,
          },
        ]),
    // The score sits under its level (one column, so the table fits a 1280-pixel laptop screen).
    {
      label: 'Level',
      header: header('Level', 'level', false, true),
      cell: (row) => <LevelCell level={row.level} score={row.score} />,
    },
    {
      label: 'Deployment frequency',
      header: header('Deploy frequency', 'frequency', true),
      numeric: true,
      cell: (row) => (
        <FigureCell
          text={formatDeployFrequency(row.metrics?.deploymentFrequency.perDay ?? null)}
          value={row.metrics?.deploymentFrequency.perDay}
          metrics={row.metrics}
          metric="deploymentFrequency"
        />
      ),
    },
    {
      label: 'Lead time',
      header: header('Lead time', 'leadTime', true),
      numeric: true,
      cell: (row) => (
        <FigureCell
          text={formatSeconds(row.metrics?.leadTime.p50Seconds ?? null)}
          value={row.metrics?.leadTime.p50Seconds}
          metrics={row.metrics}
          metric="leadTime"
        />
      ),
    },
    {
      label: 'Change failure rate',
      header: header('Change failure', 'failureRate', true),
      numeric: true,
      cell: (row) => (
        <FigureCell
          text={formatRate(row.metrics?.changeFailureRate.rate ?? null)}
          value={row.metrics?.changeFailureRate.rate}
          metrics={row.metrics}
          metric="changeFailureRate"
        />
      ),
    },
    {
      label: 'Recovery time',
      header: header('Recovery', 'recovery', true),
      numeric: true,
      cell: (row) => (
        <FigureCell
          text={formatSeconds(row.metrics?.recoveryTime.p50Seconds ?? null)}
          value={row.metrics?.recoveryTime.p50Seconds}
          metrics={row.metrics}
          metric="recoveryTime"
        />
      ),
    },
  ];
  const sorted = sortRows(rows, VALUES[sort], dir);
  const offset = page && page.offset < sorted.length ? page.offset : 0;
  return (
    <>
      <DataTable
        columns={columns}
        rows={page ? sorted.slice(offset, offset + PAGE_ROWS) : sorted}
        rowKey={(row) => row.name}
        caption={`${rows.length} of ${services.length} services${query ? ` matching “${query}”` : ''}`}
        testId="services-table"
      />
      {page ? <Pager offset={offset} limit={PAGE_ROWS} total={sorted.length} href={page.href} /> : null}
    </>
  );
}

import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { teamPath } from '@/lib/links/name-path';
import { formatRate } from '@/lib/metrics/format-rate';
import { getMaturityReport, type MaturityTeam } from '@/lib/reports/get-maturity-report';
import { getStandards } from '@/lib/scorecard/get-standards';
import { FilterBar } from '../../_components/filters/filter-bar';
import { readFilters, toWindow, type SearchParams } from '../../_components/filters/read-filters';
import { formatDate } from '@/lib/format/format-date';
import { formatWindow } from '../../_components/format/format-window';
import { Card } from '../../_components/ui/card';
import { PageHeader } from '../../_components/ui/page-header';
import { EmptyState } from '../../_components/ui/states';
import table from '../../_components/ui/table.module.css';
import styles from './report.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Maturity report' };

/** A report looks back further than the dashboards: half a year, month by month. */
const REPORT_DAYS = 180;

const month = (bucket: string) => formatDate(`${bucket}T00:00:00Z`).replace(/^\d+ /, '');
/** Services at the given level or above, of those with a snapshot. */
const atOrAbove = (counts: Record<string, number>, levels: string[], level: string) => levels.slice(levels.indexOf(level)).reduce((sum, name) => sum + (counts[name] ?? 0), 0);
const describeMix = (counts: Record<string, number>, levels: string[]) =>
  [...levels]
    .reverse()
    .filter((level) => (counts[level] ?? 0) > 0)
    .map((level) => `${counts[level]} ${level}`)
    .join(' · ') || '—';
/** Heat-map shade: five steps of the accent colour by share passing, the percentage always written in the cell. */
const shade = (share: number | null) => (share === null ? undefined : styles[`heat${Math.min(4, Math.floor(share * 5))}`]);

type Cell = { key: string; content: ReactNode; className?: string };
type Row = { key: string; label: ReactNode; cells: Cell[] };

/** A report table: team rows by named columns; scrolls in its own box on a phone, captioned for screen readers. */
function ReportTable({ testId, caption, columns, rows, heatmap = false }: { testId: string; caption: string; columns: Cell[]; rows: Row[]; heatmap?: boolean }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone.
    <div className={table.wrap} data-scroll-box tabIndex={0} role="region" aria-label={caption}>
      <table className={heatmap ? `${table.table} ${styles.heatmap}` : table.table} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.content}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-team={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell) => (
                <td key={cell.key} className={cell.className} data-cell={cell.key}>
                  {cell.content}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function MaturityReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = { ...readFilters(await searchParams, REPORT_DAYS), team: null, service: null };
  const window = toWindow(filters);
  const db = await getDb();
  const standards = getStandards();
  const report = await getMaturityReport({ db, from: window.from, to: new Date(window.to.getTime() - 1), standards });
  const levels = report.levels;
  const target = standards.levels[1] ?? standards.levels[0]!;
  const first = (team: MaturityTeam) => team.points.find((point) => point.services > 0);
  const last = (team: MaturityTeam) => team.points.at(-1)!;
  return (
    <div className={styles.report}>
      <PageHeader
        eyebrow="Report"
        title="Golden-path maturity"
        lede={`Levels by team, ${formatWindow(window)}: where each team stands, how it moved, and which checks hold it back. Print it or save it as PDF from the browser.`}
        actions={
          <div className={styles.noPrint}>
            <FilterBar action="/reports/maturity" filters={filters} defaultDays={REPORT_DAYS} compact />
          </div>
        }
      />
      {report.teams.length === 0 ? (
        <EmptyState title="No scorecard history in this period" />
      ) : (
        <>
          <Card title="Levels by team">
            <ReportTable
              testId="maturity-levels"
              caption="Services per level by team at the end of the period, and the change since its start"
              columns={[
                { key: 'now', content: 'Now' },
                { key: 'change', content: `At ${target} or above: start → now` },
              ]}
              rows={report.teams.map((team) => {
                const start = first(team);
                const end = last(team);
                return {
                  key: team.team,
                  label: team.team.startsWith('(') ? team.team : <Link href={teamPath(team.team)}>{team.team}</Link>,
                  cells: [
                    { key: 'now', content: describeMix(end.counts, levels) },
                    { key: 'change', content: `${start ? `${atOrAbove(start.counts, levels, target)} of ${start.services}` : '—'} → ${atOrAbove(end.counts, levels, target)} of ${end.services}` },
                  ],
                };
              })}
            />
          </Card>
          <Card title={`Services at ${target} or above, month by month`}>
            <ReportTable
              testId="maturity-over-time"
              caption={`Per team and month, services at ${target} or above of the services scored`}
              columns={report.buckets.map((bucket) => ({ key: bucket, content: month(bucket), className: table.numeric }))}
              rows={report.teams.map((team) => ({
                key: team.team,
                label: team.team,
                cells: team.points.map((point) => ({ key: point.bucket, className: table.numeric, content: point.services === 0 ? '—' : `${atOrAbove(point.counts, levels, target)} of ${point.services}` })),
              }))}
            />
          </Card>
          <Card title="Checks passing by team" hint="At the end of the period; darker is more services passing">
            <ReportTable
              testId="maturity-heatmap"
              heatmap
              caption="Per team and check, the share of services passing"
              columns={standards.checks.map((check) => ({ key: check.id, content: <>{check.title} <span className="muted">({check.level})</span></> }))}
              rows={report.teams.map((team) => ({
                key: team.team,
                label: team.team,
                cells: standards.checks.map((check) => {
                  const cell = team.checks[check.id]!;
                  return { key: check.id, className: shade(cell.share), content: cell.share === null ? '—' : formatRate(cell.share) };
                }),
              }))}
            />
          </Card>
        </>
      )}
    </div>
  );
}

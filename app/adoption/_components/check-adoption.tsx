import { getDb } from '@/lib/db/client';
import { formatRate } from '@/lib/metrics/format-rate';
import { getAdoptionSeries } from '@/lib/scorecard/get-adoption-series';
import { Sparkline } from '../../_components/charts/sparkline';
import { Badge } from '../../_components/ui/badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { EmptyState } from '../../_components/ui/states';

type Row = Awaited<ReturnType<typeof getAdoptionSeries>>['checks'][number];

const last = (row: Row) => [...row.points].reverse().find((point) => point.applicable > 0) ?? null;

/**
 * Per check, the share of applicable services passing, week by week: the latest share in figures and words, the
 * trend as a sparkline, and every week's share in a table for screen readers.
 */
export async function CheckAdoption({ from, to, team }: { from: Date; to: Date; team?: string }) {
  const series = await getAdoptionSeries({ db: await getDb(), from, to, bucket: 'week', team });
  if (series.checks.every((check) => check.points.every((point) => point.applicable === 0))) return <EmptyState title="No scorecard history in this period yet" />;
  const columns: Column<Row>[] = [
    { label: 'Check', cell: (row) => row.title },
    { label: 'Level', cell: (row) => <Badge value={row.level} /> },
    {
      label: 'Passing now',
      numeric: true,
      cell: (row) => {
        const point = last(row);
        return point ? `${formatRate(point.share)} (${point.pass} of ${point.applicable})` : '—';
      },
    },
    {
      label: 'Trend',
      cell: (row) => (
        <>
          <Sparkline values={row.points.map((point) => (point.share === null ? null : point.share * 100))} domain={[0, 100]} />
          <span className="visually-hidden">Weekly share passing, oldest first: {row.points.map((point) => `week of ${point.bucket}: ${formatRate(point.share)}`).join('; ')}</span>
        </>
      ),
    },
  ];
  return <DataTable columns={columns} rows={series.checks} rowKey={(row) => row.id} caption="Share of applicable services passing each check, per week" captionHidden testId="check-adoption" />;
}

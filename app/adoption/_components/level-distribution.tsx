import { getDb } from '@/lib/db/client';
import { getLevelDistributionSeries } from '@/lib/scorecard/get-level-distribution-series';
import { StackedBarChart } from '../../_components/charts/stacked-bar-chart';
import { formatDate } from '@/lib/format/format-date';
import { EmptyState } from '../../_components/ui/states';

const COLOURS: Record<string, string> = { unranked: 'var(--neutral)', bronze: 'var(--medium)', silver: 'var(--high)', gold: 'var(--elite)' };
const FALLBACK = ['var(--chart-1)', 'var(--chart-2)', 'var(--low)'];

/** How many services were at each level, week by week, as stacked bars and as a table. */
export async function LevelDistribution({ from, to, team }: { from: Date; to: Date; team?: string }) {
  const series = await getLevelDistributionSeries({ db: await getDb(), from, to, bucket: 'week', team });
  if (series.points.every((point) => point.services === 0)) return <EmptyState title="No scorecard history in this period yet" />;
  const label = (bucket: string) => formatDate(`${bucket}T00:00:00Z`).replace(/ \d{4}$/, '');
  const points = series.points.map((point) => ({ label: label(point.bucket), ...point.counts }));
  const seriesDefs = series.levels.map((level, index) => ({ key: level, label: level, colour: COLOURS[level] ?? FALLBACK[index % FALLBACK.length]! }));
  return (
    <div data-testid="level-distribution">
      <StackedBarChart points={points} series={seriesDefs} yLabel="Services" />
      <div className="visually-hidden">
      <table>
        <caption>Services per level, per week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            {series.levels.map((level) => (
              <th key={level} scope="col">
                {level}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.points.map((point) => (
            <tr key={point.bucket}>
              <th scope="row">{point.bucket}</th>
              {series.levels.map((level) => (
                <td key={level}>{point.counts[level] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}

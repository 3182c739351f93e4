import { getDb } from '@/lib/db/client';
import { comparePeriods } from '@/lib/metrics/compare-periods';
import { toPreviousWindow } from '@/lib/metrics/describe-period-change';
import { getDataQualityNotes } from '@/lib/metrics/get-data-quality-notes';
import { fitSeriesWindow } from '@/lib/metrics/fit-series-window';
import { getDoraMetrics } from '@/lib/metrics/get-dora-metrics';
import type { Edition, MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { Sparkline } from '../charts/sparkline';
import { getCachedSeries } from './get-cached-series';
import { ClusterSummary } from './cluster-summary';
import { DataQualityNotes } from './data-quality-notes';
import { toDoraFigures, type DoraFigure } from './dora-figures';
import styles from './dora.module.css';
import { EmptyWindowNote } from './empty-window-note';
import { MetricTile } from './metric-tile';
import { ModelSummary } from './model-summary';

type DoraTilesProps = {
  scope: MetricsScope;
  scopeLabel: string;
  window: MetricsWindow;
  days: number;
  edition: Edition;
  /** Where a figure links to: the drill-down list behind it. */
  drillHref?: (figure: DoraFigure) => string;
  /** The same page over all time: offered when the window holds no deployment but the scope has some. */
  allTimeHref?: string;
};

/**
 * The five DORA figures of a scope as tiles, throughput then instability, each graded in the edition shown and
 * compared with the previous period of the same length, with a weekly sparkline; then the edition's summary
 * (2025 scores against the benchmark, or the 2024 cluster).
 */
export async function DoraTiles({ scope, scopeLabel, window, days, edition, drillHref, allTimeHref }: DoraTilesProps) {
  const db = await getDb();
  const [current, previous, series, notes] = await Promise.all([
    getDoraMetrics({ db, scope, window, edition }),
    getDoraMetrics({ db, scope, window: toPreviousWindow(window), edition }),
    getCachedSeries({ scope, ...fitSeriesWindow(window, 'week') }),
    getDataQualityNotes({ db, scope, window }),
  ]);
  const weekly = series.points.map((point) => new Map(toDoraFigures({ ...point, scope, edition }).map((figure) => [figure.key, figure.value])));
  return (
    <>
      {current.deploymentFrequency.deployments === 0 ? <EmptyWindowNote db={db} scope={scope} window={window} days={days} allTimeHref={allTimeHref} /> : null}
      <div className={styles.tiles} data-window-from={current.window.from} data-window-to={current.window.to} data-edition={edition}>
        {toDoraFigures(current).map((figure) => (
          <MetricTile
            key={figure.key}
            figure={figure}
            change={comparePeriods(figure.key, current, previous)}
            days={days}
            href={drillHref ? drillHref(figure) : null}
            sparkline={<Sparkline values={weekly.map((figures) => figures.get(figure.key) ?? null)} />}
          />
        ))}
      </div>
      <DataQualityNotes notes={notes} />
      {edition === '2025' ? <ModelSummary metrics={current} scopeLabel={scopeLabel} /> : null}
      {edition === '2024' ? <ClusterSummary metrics={current} scopeLabel={scopeLabel} /> : null}
    </>
  );
}

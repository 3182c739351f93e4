import { getDb } from '@/lib/db/client';
import { getDoraMetrics } from '@/lib/metrics/get-dora-metrics';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { Sparkline } from '../charts/sparkline';
import { toPreviousWindow } from '../filters/read-filters';
import { getCachedSeries } from './get-cached-series';
import { ClusterSummary } from './cluster-summary';
import { toDoraFigures, type DoraFigure } from './dora-figures';
import styles from './dora.module.css';
import { MetricTile } from './metric-tile';

type DoraTilesProps = {
  scope: MetricsScope;
  scopeLabel: string;
  window: MetricsWindow;
  days: number;
  /** Where a figure links to: the drill-down list behind it. */
  drillHref?: (figure: DoraFigure) => string;
};

/**
 * The five DORA figures of a scope as tiles, each against the previous period of the same length with a weekly
 * sparkline, and the 2024 cluster.
 */
export async function DoraTiles({ scope, scopeLabel, window, days, drillHref }: DoraTilesProps) {
  const db = await getDb();
  const [current, previous, series] = await Promise.all([
    getDoraMetrics({ db, scope, window }),
    getDoraMetrics({ db, scope, window: toPreviousWindow(window) }),
    getCachedSeries({ scope, window, bucket: 'week' }),
  ]);
  const previousFigures = new Map(toDoraFigures(previous).map((figure) => [figure.key, figure.value]));
  const weekly = series.points.map((point) => new Map(toDoraFigures({ ...point, scope }).map((figure) => [figure.key, figure.value])));
  return (
    <>
      <div className={styles.tiles} data-window-from={current.window.from} data-window-to={current.window.to}>
        {toDoraFigures(current).map((figure) => (
          <MetricTile
            key={figure.key}
            figure={figure}
            previous={previousFigures.get(figure.key) ?? null}
            days={days}
            href={drillHref ? drillHref(figure) : null}
            sparkline={<Sparkline values={weekly.map((figures) => figures.get(figure.key) ?? null)} />}
          />
        ))}
      </div>
      <ClusterSummary cluster={current.cluster2024} scopeLabel={scopeLabel} />
    </>
  );
}

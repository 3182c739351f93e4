import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import type { TierBand } from '../charts/chart-types';
import styles from '../charts/charts.module.css';
import { FEW_SAMPLES, TrendChart } from '../charts/trend-chart';
import { EmptyState } from '../ui/states';
import { getCachedSeries } from './get-cached-series';
import { OutsideWindowHint } from './outside-window-hint';
import { TREND_METRICS, toTrend } from './trend-metrics';

type TrendCardProps = {
  metricKey: (typeof TREND_METRICS)[number]['key'];
  scope: MetricsScope;
  window: MetricsWindow;
  bucket: 'week' | 'month';
  /** The same page over all time, offered when the scope's deployments all lie outside the window. */
  allTimeHref?: string;
};

const BAND_COLOURS: Record<TierBand['tier'], string> = { elite: 'var(--elite)', high: 'var(--high)', medium: 'var(--medium)', low: 'var(--low)' };

/**
 * One metric's trend: the chart (visual), a legend naming the bands in words, and the same points as a table for
 * screen readers, each with its sample count, so "a median of 3 changes" is said, not implied.
 */
export async function TrendCard({ metricKey, scope, window, bucket, allTimeHref }: TrendCardProps) {
  const metric = TREND_METRICS.find((candidate) => candidate.key === metricKey)!;
  const series = await getCachedSeries({ scope, window, bucket });
  const trend = toTrend(metric, series);
  if (trend.points.every((point) => point.samples === 0)) {
    return (
      <EmptyState title="No samples in this period">
        <OutsideWindowHint scope={scope} window={window} allTimeHref={allTimeHref} />
      </EmptyState>
    );
  }
  const few = trend.points.filter((point) => point.value !== null && !point.partial && point.samples < FEW_SAMPLES).length;
  const partial = trend.points.filter((point) => point.value !== null && point.partial).length;
  return (
    <div data-trend={metric.key}>
      <TrendChart points={trend.points} yLabel={trend.yLabel} sampleLabel={metric.sampleLabel} bands={trend.bands} axis={trend.axis} />
      <p className={styles.legend}>
        {trend.bands.map((band) => (
          <span key={band.tier}>
            <span className={styles.swatch} style={{ background: BAND_COLOURS[band.tier], opacity: 0.35 }} aria-hidden="true" />
            DORA 2023 {band.label.toLowerCase()} band
          </span>
        ))}
        <span>Grey bars: {metric.sampleLabel} per {bucket}</span>
        {few > 0 ? <span>Hollow points: fewer than {FEW_SAMPLES} samples ({few})</span> : null}
        {partial > 0 ? <span>Hollow squares: {bucket}s the period cuts short ({partial}), figures over the days inside it</span> : null}
      </p>
      <div className="visually-hidden">
      <table>
        <caption>
          {metric.title} per {bucket}
        </caption>
        <thead>
          <tr>
            <th scope="col">{bucket === 'week' ? 'Week of' : 'Month'}</th>
            <th scope="col">{metric.title}</th>
            <th scope="col">Samples</th>
          </tr>
        </thead>
        <tbody>
          {trend.points.map((point) => (
            <tr key={point.label}>
              <th scope="row">
                {point.label}
                {point.partial ? ' (partial)' : ''}
              </th>
              <td>{point.display}</td>
              <td>{point.samplesText}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}

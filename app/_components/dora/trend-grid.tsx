import { describeFittedSeries, fitSeriesWindow } from '@/lib/metrics/fit-series-window';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { Card } from '../ui/card';
import ui from '../ui/ui.module.css';
import { Widget } from '../ui/widget';
import { TrendCard } from './trend-card';
import { TREND_METRICS } from './trend-metrics';

/** Every metric's trend chart for a scope, each its own card and widget (they share one series query per request). */
type TrendGridProps = {
  scope: MetricsScope;
  window: MetricsWindow;
  bucket: 'week' | 'month';
  headingLevel?: 2 | 3;
  allTimeHref?: string;
};

export function TrendGrid({ scope, window, bucket, headingLevel = 2, allTimeHref }: TrendGridProps) {
  const fitted = fitSeriesWindow(window, bucket);
  const hint = describeFittedSeries(fitted, bucket);
  return (
    <div className={ui.twoCol}>
      {TREND_METRICS.map((metric) => (
        <Card key={metric.key} title={metric.title} hint={fitted.note ? <span title={fitted.note}>{hint}</span> : hint} headingLevel={headingLevel}>
          <Widget label={metric.title} height={260}>
            <TrendCard metricKey={metric.key} scope={scope} window={fitted.window} bucket={fitted.bucket} allTimeHref={allTimeHref} />
          </Widget>
        </Card>
      ))}
    </div>
  );
}

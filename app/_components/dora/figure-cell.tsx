import type { ModelMetricKey } from '@/lib/metrics/dora-2025-model';
import type { DoraMetrics } from '@/lib/metrics/metrics-types';
import table from '../ui/table.module.css';
import { gradeAttribute, gradeOf } from './dora-figures';
import { GradeBadge } from './grade-badge';

const tierOf = (metrics: Omit<DoraMetrics, 'scope' | 'window'>, metric: ModelMetricKey) => (metric === 'reworkRate' ? null : metrics[metric].tier);

/**
 * A figure in a table cell with its grade written under it, in the row's edition and from this very figure (the
 * badge carries the word, not only the colour); "not enough data (n = 3)" below the metric's minimum sample.
 */
type FigureCellProps = { text: string; value: number | null | undefined; metrics: Omit<DoraMetrics, 'scope' | 'window'> | null | undefined; metric: ModelMetricKey };

export function FigureCell({ text, value, metrics, metric }: FigureCellProps) {
  if (text === '—' || !metrics) return <span className="muted">—</span>;
  const grade = gradeOf(metrics, metric, tierOf(metrics, metric));
  return (
    <span className={table.figure} data-metric={metric} data-figure={value ?? ''} data-grade={gradeAttribute(grade)} data-edition={metrics.edition}>
      <span>{text}</span>
      <GradeBadge grade={grade} />
    </span>
  );
}

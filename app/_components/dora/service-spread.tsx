import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { formatScore } from '@/lib/metrics/format-score';
import { getServiceMetricsTable } from '@/lib/metrics/get-service-metrics-table';
import type { Edition, MetricsWindow } from '@/lib/metrics/metrics-types';
import { summarizeServiceSpread, type MetricSpread } from '@/lib/metrics/summarize-service-spread';
import { servicePath } from '@/lib/links/name-path';
import { formatCount, formatNumberOf } from '@/lib/format/format-count';
import { FIGURE_LABELS, toDoraFigures, type DoraFigure } from './dora-figures';
import styles from './dora.module.css';
import { placeSpreadDots } from './place-spread-dots';
import { ScoreTicks } from './score-strip';

type Figures = Map<string, Map<DoraFigure['key'], DoraFigure>>;

const NAMED_OUTLIERS = 3;

function SpreadRow({ spread, figures }: { spread: MetricSpread; figures: Figures }) {
  const shown = (service: string) => figures.get(service)?.get(spread.key);
  const lowest = spread.graded.slice(0, NAMED_OUTLIERS);
  const placed = placeSpreadDots(spread.graded);
  const counts = [
    `${formatCount(spread.graded.length, 'service')} graded`,
    spread.medianScore === null ? null : `median score ${formatScore(spread.medianScore)}`,
    spread.tooFew.length > 0 ? `${spread.tooFew.length} with too few samples (under ${spread.minimum})` : null,
    spread.noData > 0 ? `${spread.noData} with none` : null,
  ].filter(Boolean);
  return (
    <li className={styles.spreadRow} data-spread={spread.key} data-graded={spread.graded.length}>
      <span className={styles.tileLabel}>{FIGURE_LABELS[spread.key]}</span>
      <div className={styles.spreadAxis} aria-hidden="true">
        {spread.medianScore === null ? null : (
          <span className={styles.spreadMedian} style={{ left: `${spread.medianScore * 10}%` }} />
        )}
        {placed.overflows.map((stack) => (
          <span key={stack.at} className={styles.spreadCount} style={{ left: `${stack.at * 10}%` }}>
            {formatNumberOf(stack.count)}
          </span>
        ))}
        {placed.points.map((point) => (
          <Link
            key={point.service}
            href={servicePath(point.service)}
            tabIndex={-1}
            className={styles.spreadDot}
            style={{ left: `${point.score * 10}%`, top: `${point.level * 0.45}rem` }}
            title={`${point.service}: ${shown(point.service)?.display ?? ''} (score ${formatScore(point.score)})`}
          />
        ))}
        <ScoreTicks />
      </div>
      <p className={styles.spreadNote}>
        {counts.join(' · ')}
        {lowest.length > 0 ? '. Lowest: ' : '.'}
        {lowest.map((point, index) => (
          <span key={point.service}>
            {index > 0 ? ', ' : ''}
            <Link href={servicePath(point.service)}>{point.service}</Link> ({shown(point.service)?.display})
          </span>
        ))}
      </p>
    </li>
  );
}

/**
 * Beside a pooled team or organization figure, how the figure spreads across its services: each graded service a
 * dot on the Quick Check's 0–10 scale (left is worse for every metric), the median service marked, the lowest named
 * with their figures, and the services with too few samples counted. DORA reads these metrics per service; a
 * pooled figure alone hides the outliers.
 */
export async function ServiceSpread({
  team,
  window,
  edition,
}: {
  team?: string;
  window: MetricsWindow;
  edition: Edition;
}) {
  const table = await getServiceMetricsTable({ db: await getDb(), window, team, edition });
  const figures: Figures = new Map(
    table.rows.map((row) => [
      row.service,
      new Map(
        toDoraFigures({ ...row, scope: { service: row.service }, window: table.window }).map((figure) => [
          figure.key,
          figure,
        ]),
      ),
    ]),
  );
  const spreads = summarizeServiceSpread(table.rows);
  if (spreads.every((spread) => spread.graded.length === 0 && spread.tooFew.length === 0)) {
    return (
      <p className="muted">
        No service has a deployment, change or incident in this period, so there is no spread to show.
      </p>
    );
  }
  return (
    <div className={styles.spread}>
      <ul className={styles.spreadRows}>
        {spreads.map((spread) => (
          <SpreadRow key={spread.key} spread={spread} figures={figures} />
        ))}
      </ul>
      <p className={styles.windowNote}>
        Each dot is one service&apos;s DORA 2025 Quick Check score for the metric (0 worst, 10 best); the line is the
        median service. Services below a metric&apos;s minimum sample are counted, not drawn.
      </p>
    </div>
  );
}

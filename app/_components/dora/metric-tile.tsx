import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PeriodChange } from '@/lib/metrics/compare-periods';
import { ChangeIndicator } from './change-indicator';
import { gradeAttribute, type DoraFigure } from './dora-figures';
import styles from './dora.module.css';
import { GradeBadge } from './grade-badge';

/** "3.3 deploys/day" → a big "3.3" and a smaller "deploys/day", so tiles stay one line high. */
function Value({ display }: { display: string }) {
  const space = display.indexOf(' ');
  if (space < 0) return <>{display}</>;
  return (
    <>
      {display.slice(0, space)} <span className={styles.tileUnit}>{display.slice(space + 1)}</span>
    </>
  );
}

type MetricTileProps = { figure: DoraFigure; change: PeriodChange; days: number; href: string | null; sparkline?: ReactNode };

/** One DORA figure: value (a link to the rows behind it), grade, sample size, change against the previous period, sparkline. */
export function MetricTile({ figure, change, days, href, sparkline }: MetricTileProps) {
  return (
    <article className={styles.tile} aria-label={figure.label} data-metric={figure.key} data-figure={figure.value ?? ''} data-grade={gradeAttribute(figure.grade)}>
      <div className={styles.tileHead}>
        <h3 className={styles.tileLabel} title={figure.definition}>
          {figure.label}
        </h3>
        <GradeBadge grade={figure.grade} />
      </div>
      {href ? (
        <Link className={styles.tileValue} href={href} data-value>
          <Value display={figure.display} />
          <span className="visually-hidden">: show the {figure.drill.kind} behind this figure</span>
        </Link>
      ) : (
        <span className={styles.tileValue} data-value>
          <Value display={figure.display} />
        </span>
      )}
      <div className={styles.tileMeta}>
        {figure.grade.kind === 'score' ? <span>{figure.grade.answer}</span> : null}
        {figure.secondary ? <span>{figure.secondary}</span> : null}
        <span>{figure.samples}</span>
      </div>
      <div className={styles.tileMeta}>
        <ChangeIndicator change={change} days={days} />
      </div>
      {sparkline ? <div className={styles.spark}>{sparkline}</div> : null}
    </article>
  );
}

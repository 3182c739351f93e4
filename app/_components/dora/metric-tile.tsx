import Link from 'next/link';
import type { ReactNode } from 'react';
import { TierBadge } from '../ui/badge';
import { ChangeIndicator } from './change-indicator';
import type { DoraFigure } from './dora-figures';
import styles from './dora.module.css';

/** One DORA figure: value (a link to the rows behind it), tier, sample size, change against the previous period, sparkline. */
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

export function MetricTile({ figure, previous, days, href, sparkline }: { figure: DoraFigure; previous: number | null; days: number; href: string | null; sparkline?: ReactNode }) {
  return (
    <article className={styles.tile} aria-label={figure.label} data-metric={figure.key}>
      <div className={styles.tileHead}>
        <h3 className={styles.tileLabel} title={figure.definition}>
          {figure.label}
        </h3>
        {figure.key === 'reworkRate' ? null : <TierBadge tier={figure.tier} />}
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
        {figure.secondary ? <span>{figure.secondary}</span> : null}
        <span>{figure.samples}</span>
      </div>
      <div className={styles.tileMeta}>
        <ChangeIndicator current={figure.value} previous={previous} higherIsBetter={figure.higherIsBetter} days={days} />
      </div>
      {sparkline ? <div className={styles.spark}>{sparkline}</div> : null}
    </article>
  );
}

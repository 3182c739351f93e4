import type { PeriodChange } from '@/lib/metrics/compare-periods';
import styles from './dora.module.css';

/**
 * A figure against the previous period, in words: "↑ 12 % vs previous 90 days (better)", "no clear change", or
 * "not enough data to compare". Rates move in percentage points; the colour only repeats the word.
 */
export function ChangeIndicator({ change, days }: { change: PeriodChange; days: number }) {
  const period = `previous ${days} days`;
  if (change.kind === 'not-enough-data') return <span className={styles.same}>Not enough data to compare (n = {change.n[0]} and {change.n[1]})</span>;
  if (change.kind === 'no-clear-change') return <span className={styles.same}>No clear change vs {period}</span>;
  const amount = change.unit === 'points' ? `${change.amount.toLocaleString('en-US')} points` : `${change.amount.toLocaleString('en-US')} %`;
  return (
    <span className={change.better ? styles.better : styles.worse}>
      {change.up ? '↑' : '↓'} {amount} vs {period} ({change.better ? 'better' : 'worse'})
    </span>
  );
}

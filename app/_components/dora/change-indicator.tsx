import type { PeriodChange } from '@/lib/metrics/compare-periods';
import { describePeriodChange } from '@/lib/metrics/describe-period-change';
import styles from './dora.module.css';

/** A figure against the previous period, in words (describePeriodChange); the colour only repeats the word. */
export function ChangeIndicator({ change, days }: { change: PeriodChange; days: number }) {
  const className = change.kind !== 'clear' ? styles.same : change.better ? styles.better : styles.worse;
  return <span className={className}>{describePeriodChange(change, days)}</span>;
}

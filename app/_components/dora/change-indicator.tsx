import styles from './dora.module.css';

/**
 * The change of a figure against the previous period, in words and arrow: "↑ 12 % vs previous 90 days", with
 * "better" or "worse" spelled out (the colour only repeats it).
 */
export function ChangeIndicator({ current, previous, higherIsBetter, days }: { current: number | null; previous: number | null; higherIsBetter: boolean; days: number }) {
  const period = `previous ${days} days`;
  if (current === null || previous === null) return <span className={styles.same}>No data for the {period}</span>;
  if (previous === 0) {
    if (current === 0) return <span className={styles.same}>Same as the {period}</span>;
    return <span className={styles.same}>Up from 0 in the {period}</span>;
  }
  const change = (current - previous) / Math.abs(previous);
  const percent = Math.round(Math.abs(change) * 100);
  if (percent === 0) return <span className={styles.same}>→ Same as the {period}</span>;
  const better = change > 0 === higherIsBetter;
  return (
    <span className={better ? styles.better : styles.worse}>
      {change > 0 ? '↑' : '↓'} {percent} % vs {period} ({better ? 'better' : 'worse'})
    </span>
  );
}

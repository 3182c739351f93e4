import type { BenchmarkPosition } from '@/lib/metrics/compute-dora-2025';
import styles from './dora.module.css';

/**
 * A 0–10 axis with the benchmark group's mean ± one standard deviation and the scope's score, as the Quick Check
 * draws its results. Visual only: the sentence beside it says the same in words.
 */
export function ScoreStrip({ position }: { position: BenchmarkPosition }) {
  const at = (score: number) => `${Math.min(100, Math.max(0, score * 10))}%`;
  return (
    <div className={styles.strip} aria-hidden="true">
      <span className={styles.stripBand} style={{ left: at(position.mean - position.std), right: `calc(100% - ${at(position.mean + position.std)})` }} />
      <span className={styles.stripMean} style={{ left: at(position.mean) }} />
      <span className={styles.stripScore} style={{ left: at(position.score) }} />
      <ScoreTicks />
    </div>
  );
}

/** The 0, 5 and 10 marks under a 0–10 score axis. */
export function ScoreTicks() {
  return (
    <span className={styles.stripTicks}>
      <span>0</span>
      <span>5</span>
      <span>10</span>
    </span>
  );
}

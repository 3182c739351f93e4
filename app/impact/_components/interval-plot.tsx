import type { EffectEstimate } from '@/lib/impact/impact-types';
import styles from './impact.module.css';

const WIDTH = 180;
const HEIGHT = 22;
const PAD = 8;

/**
 * One row of a forest plot: the 95 % interval as a bar, the estimate as a dot, and zero as a line, so a reader sees at a
 * glance whether the interval crosses zero. Coloured by verdict; the sentence beside it carries the same information.
 */
export function IntervalPlot({ estimate, label }: { estimate: EffectEstimate; label: string }) {
  if (!estimate.effect) return <span className="muted">—</span>;
  const { low, high, estimate: value } = estimate.effect;
  const span = Math.max(Math.abs(low), Math.abs(high)) * 1.1 || 1;
  const x = (v: number) => PAD + ((v + span) / (2 * span)) * (WIDTH - 2 * PAD);
  const tone = estimate.verdict === 'improved' ? styles.improved : estimate.verdict === 'worsened' ? styles.worsened : styles.unclear;
  return (
    <svg className={`${styles.plot} ${tone}`} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className={styles.zero} x1={x(0)} x2={x(0)} y1={2} y2={HEIGHT - 2} />
      <line className={styles.interval} x1={x(low)} x2={x(high)} y1={HEIGHT / 2} y2={HEIGHT / 2} />
      <circle className={styles.point} cx={x(value)} cy={HEIGHT / 2} r={4} />
    </svg>
  );
}

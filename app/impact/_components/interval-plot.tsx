import { formatEffectSize } from '@/lib/impact/describe-effect';
import type { EffectEstimate } from '@/lib/impact/impact-types';
import styles from './impact.module.css';

const WIDTH = 200;
const PLOT = 22;
const HEIGHT = PLOT + 14;
const PAD = 10;

/**
 * One row of a forest plot: the 95 % interval as a bar, the estimate as a dot, and zero as a line, on a scale marked
 * at both ends and at zero in the metric's unit, so a reader sees at a glance whether the interval crosses zero and
 * how wide it is. Coloured by verdict; the sentence beside it carries the same information.
 */
export function IntervalPlot({ estimate, label }: { estimate: EffectEstimate; label: string }) {
  if (!estimate.effect) return <span className="muted">—</span>;
  const { low, high, estimate: value } = estimate.effect;
  const span = Math.max(Math.abs(low), Math.abs(high)) * 1.1 || 1;
  const x = (v: number) => PAD + ((v + span) / (2 * span)) * (WIDTH - 2 * PAD);
  const tick = (v: number) => (v === 0 ? '0' : `${v < 0 ? '−' : '+'}${formatEffectSize(estimate.metric, v, span, true)}`);
  const tone = estimate.verdict === 'improved' ? styles.improved : estimate.verdict === 'worsened' ? styles.worsened : styles.unclear;
  return (
    <svg className={`${styles.plot} ${tone}`} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-scale={`${tick(-span)} to ${tick(span)}`}>
      <line className={styles.axis} x1={x(-span)} x2={x(span)} y1={PLOT} y2={PLOT} />
      <line className={styles.zero} x1={x(0)} x2={x(0)} y1={2} y2={PLOT + 2} />
      <line className={styles.interval} x1={x(low)} x2={x(high)} y1={PLOT / 2} y2={PLOT / 2} />
      <circle className={styles.point} cx={x(value)} cy={PLOT / 2} r={4} />
      <text className={styles.tick} x={x(-span)} y={HEIGHT - 1} textAnchor="start">
        {tick(-span)}
      </text>
      <text className={styles.tick} x={x(0)} y={HEIGHT - 1} textAnchor="middle">
        0
      </text>
      <text className={styles.tick} x={x(span)} y={HEIGHT - 1} textAnchor="end">
        {tick(span)}
      </text>
    </svg>
  );
}

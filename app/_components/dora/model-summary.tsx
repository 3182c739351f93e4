import type { BenchmarkPosition } from '@/lib/metrics/compute-dora-2025';
import { formatBenchmarkPosition } from '@/lib/metrics/format-benchmark-position';
import { formatScore } from '@/lib/metrics/format-score';
import type { DoraMetrics } from '@/lib/metrics/metrics-types';
import styles from './dora.module.css';
import { ScoreStrip } from './score-strip';

type Block = { key: string; title: string; score: number | null; detail: string; position: BenchmarkPosition | null };

/**
 * The DORA 2025 scores of a scope (overall, throughput, stability; 0–10 as the Quick Check computes them), each
 * placed in the 2025 benchmark group's distribution, and the notes on figures left out for lack of data.
 */
export function ModelSummary({ metrics, scopeLabel }: { metrics: DoraMetrics; scopeLabel: string }) {
  const { throughput, instability } = metrics.factors;
  const { position, name } = metrics.benchmark;
  const blocks: Block[] = [
    { key: 'overall', title: 'Overall', score: metrics.overall, detail: `${throughput.scored + instability.scored} of 5 metrics`, position: position.overall },
    { key: 'throughput', title: 'Throughput', score: throughput.score, detail: `lead time, deployment frequency, recovery time (${throughput.scored} of 3)`, position: position.throughput },
    { key: 'stability', title: 'Stability', score: instability.stabilityScore, detail: `change failure and rework rate (${instability.scored} of 2)`, position: position.stability },
  ];
  return (
    <section className={styles.model} aria-label="DORA 2025 scores" data-edition="2025">
      <h3 className={styles.modelTitle}>DORA 2025 scores of {scopeLabel}, out of 10</h3>
      <div className={styles.modelBlocks}>
        {blocks.map((block) => (
          <div key={block.key} className={styles.modelBlock} data-score={block.key} data-value={block.score ?? ''}>
            <span className={styles.tileLabel}>{block.title}</span>
            <span className={styles.modelScore}>{formatScore(block.score)}</span>
            <span className={styles.tileMeta}>{block.detail}</span>
            {block.position ? <ScoreStrip position={block.position} /> : null}
            <span className={styles.tileMeta}>{block.position ? `${formatBenchmarkPosition(block.position)} of ${name} (2025)` : 'Not enough data to score'}</span>
          </div>
        ))}
      </div>
      {metrics.notes.length > 0 ? (
        <ul className={styles.notes}>
          {metrics.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <p className={styles.windowNote}>
        Scored as the DORA Quick Check scores survey answers; compared with DORA&apos;s 2025 benchmarks. DORA reads these figures best per
        service: a pooled team or organization figure hides the spread between services.
      </p>
    </section>
  );
}

import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { formatRate } from '@/lib/metrics/format-rate';
import { getAdoptionSummary } from '@/lib/scorecard/get-adoption-summary';
import { getStandards } from '@/lib/scorecard/get-standards';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/states';
import ui from '../ui/ui.module.css';
import styles from './scorecard.module.css';

/** The overview's golden-path summary: how many services sit at each level today, and the checks failed most. */
export async function AdoptionSummary({ team }: { team?: string }) {
  const db = await getDb();
  const { scorecards, checks } = await getAdoptionSummary({ db, team });
  if (scorecards.length === 0) return <EmptyState title="No scorecards yet" />;
  const levels = ['unranked', ...getStandards().levels];
  const perLevel = levels.map((level) => ({ level, count: scorecards.filter((row) => row.level === level).length }));
  const mostFailed = checks
    .filter((check) => check.counts.fail > 0)
    .sort((a, b) => b.counts.fail - a.counts.fail || a.title.localeCompare(b.title))
    .slice(0, 5);
  return (
    <div className={ui.stack}>
      <div className={styles.summary} data-testid="level-counts">
        {perLevel.map(({ level, count }) => (
          <div key={level}>
            <div className={styles.bigFigure}>{count}</div>
            <Badge value={level} label={level === 'unranked' ? 'Unranked' : undefined} />
          </div>
        ))}
      </div>
      <h3>Most failed checks</h3>
      {mostFailed.length === 0 ? (
        <p className="muted">No check fails anywhere.</p>
      ) : (
        <ol className={ui.stack} style={{ margin: 0, paddingLeft: '1.25rem', gap: 'var(--space-2)' }}>
          {mostFailed.map((check) => (
            <li key={check.id}>
              <Link href="/standards">{check.title}</Link>{' '}
              <span className="muted">
                fails for {check.counts.fail} of {check.applicable} services ({formatRate(check.passRate)} pass)
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

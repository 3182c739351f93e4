import type { Evidence } from '@/lib/scorecard/scorecard-types';
import styles from './scorecard.module.css';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A check's evidence: its one-line summary, then what it rests on (file and line, API answer, metric value). */
export function EvidenceDetails({ evidence }: { evidence: Evidence }) {
  const { summary, ...details } = evidence;
  const entries = Object.entries(details).filter(([, value]) => value !== null && value !== undefined);
  return (
    <div>
      <p>{summary}</p>
      {entries.length > 0 ? (
        <p className={styles.evidence}>
          {entries.map(([key, value], index) => (
            <span key={key}>
              {index > 0 ? ' · ' : ''}
              {key}: {show(value)}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

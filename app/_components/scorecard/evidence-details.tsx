import type { Evidence } from '@/lib/scorecard/scorecard-types';
import { describeEvidence } from './describe-evidence';
import styles from './scorecard.module.css';

/** A check's evidence: its one-line summary in words, then what it rests on (file and line, settings, times). */
export function EvidenceDetails({ evidence }: { evidence: Evidence }) {
  const { summary, details } = describeEvidence(evidence);
  return (
    <div>
      <p data-evidence-summary>{summary}</p>
      {details.length > 0 ? (
        <dl className={styles.evidence}>
          {details.map((detail) => (
            <div key={detail.label}>
              <dt>{detail.label}</dt>
              <dd>{detail.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

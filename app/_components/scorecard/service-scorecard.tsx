import { getDb } from '@/lib/db/client';
import { formatRate } from '@/lib/metrics/format-rate';
import { getServiceScorecard } from '@/lib/scorecard/get-service-scorecard';
import type { ScorecardCheck } from '@/lib/scorecard/list-service-scorecards';
import { formatDate } from '../format/format-date-time';
import { formatExpiry } from '../format/format-expiry';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/states';
import { TimeAgo } from '../ui/time-ago';
import { EvidenceDetails } from './evidence-details';
import styles from './scorecard.module.css';

function Exemption({ exemption }: { exemption: NonNullable<ScorecardCheck['exemption']> }) {
  return (
    <p>
      <strong>Exempt</strong> until {formatDate(`${exemption.expires}T00:00:00Z`)} ({formatExpiry(exemption.expires)}): {exemption.reason}
      {exemption.createdBy ? <span className="muted"> (granted by {exemption.createdBy})</span> : null}
    </p>
  );
}

function CheckItem({ check }: { check: ScorecardCheck }) {
  return (
    <li className={styles.check} data-check={check.id} data-status={check.status}>
      <div>
        <Badge value={check.status} />
      </div>
      <div className={styles.checkBody}>
        <span className={styles.checkTitle}>{check.title}</span>
        {check.description ? <span className="muted">{check.description}</span> : null}
        <EvidenceDetails evidence={check.evidence} />
        {check.exemption ? <Exemption exemption={check.exemption} /> : null}
        {/* An unknown check's evidence says why it cannot be judged; fix advice would point at the wrong action. */}
        {check.fix && check.status === 'fail' ? (
          <p className={styles.fix}>
            <strong>How to fix:</strong> {check.fix}
          </p>
        ) : null}
        <span className="muted">
          {check.category}
          {check.since ? (
            <>
              {' · this result since '}
              <TimeAgo at={check.since} />
            </>
          ) : null}
          {check.facts ? ` · facts from ${check.facts.source}, ${check.facts.ageDays === 0 ? 'collected today' : `${check.facts.ageDays} days old`}` : null}
        </span>
      </div>
    </li>
  );
}

/** A service's golden-path scorecard: level and score, then every check with its status, evidence, fix and exemption. */
export async function ServiceScorecard({ service }: { service: string }) {
  const scorecard = await getServiceScorecard({ db: await getDb(), service });
  if (!scorecard || scorecard.checks.length === 0) return <EmptyState title="No golden-path checks apply to this service" />;
  const levels = [...new Set(scorecard.checks.map((check) => check.level))];
  return (
    <>
      <div className={styles.summary}>
        <div>
          <div className={styles.figureLabel}>Level</div>
          <Badge value={scorecard.level} label={scorecard.level === 'unranked' ? 'Unranked' : undefined} />
        </div>
        <div>
          <div className={styles.figureLabel}>Score</div>
          <span className={styles.bigFigure}>{formatRate(scorecard.score)}</span>
        </div>
        <div>
          <div className={styles.figureLabel}>Checks</div>
          <span>
            {scorecard.counts.pass} pass · {scorecard.counts.fail} fail · {scorecard.counts.exempt} exempt · {scorecard.counts.unknown} unknown · {scorecard.counts.skip} not applicable
          </span>
        </div>
      </div>
      {levels.map((level) => (
        <section key={level} aria-label={`${level} checks`}>
          <h3 className={styles.levelHeading}>{level}</h3>
          <ul className={styles.checks}>
            {scorecard.checks
              .filter((check) => check.level === level)
              .map((check) => (
                <CheckItem key={check.id} check={check} />
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

import { getConfig } from '@/lib/config/load-config';
import { listServiceTodos } from '@/lib/campaigns/list-service-todos';
import type { TodoItem } from '@/lib/campaigns/plan-service-todo';
import { getDb } from '@/lib/db/client';

import { formatRate } from '@/lib/metrics/format-rate';
import { getStandards } from '@/lib/scorecard/get-standards';
import { listExemptionRequests } from '@/lib/scorecard/list-exemption-requests';
import type { ScorecardCheck } from '@/lib/scorecard/list-service-scorecards';
import { formatCount } from '@/lib/format/format-count';
import { formatDate } from '@/lib/format/format-date';
import { formatExpiry } from '../format/format-expiry';
import { Badge } from '../ui/badge';
import { CampaignTag } from './campaign-tag';
import { InlineMarkdown } from '../ui/inline-markdown';
import { EmptyState } from '../ui/states';
import { TimeAgo } from '../ui/time-ago';
import { EvidenceDetails } from './evidence-details';
import { ExemptionRequestForm } from './exemption-request-form';
import { AcknowledgeForm } from './acknowledge-form';
import { listCheckAcknowledgements, type CheckAcknowledgement } from '@/lib/scorecard/list-check-acknowledgements';
import styles from './scorecard.module.css';

function Exemption({ exemption }: { exemption: NonNullable<ScorecardCheck['exemption']> }) {
  return (
    <p>
      <strong>Exempt</strong> until {formatDate(`${exemption.expires}T00:00:00Z`)} ({formatExpiry(exemption.expires)}): {exemption.reason}
      {exemption.createdBy ? <span className="muted"> (granted by {exemption.createdBy})</span> : null}
    </p>
  );
}

type Requests = {
  service: string;
  pending: Map<string, { expires: string; requestedBy: string }>;
  acknowledged: Map<string, CheckAcknowledgement>;
  canRequest: boolean;
  maxDays: number;
};

/** An owner's note on a failing check, shown until the check's result changes; or, for owners, the form to write one. */
function Acknowledgement({ check, requests }: { check: ScorecardCheck; requests: Requests }) {
  const note = requests.acknowledged.get(check.id);
  if (note) {
    return (
      <p data-testid={`acknowledged-${check.id}`}>
        <strong>Acknowledged</strong> by {note.createdBy} <TimeAgo at={new Date(note.createdAt).toISOString()} />: {note.note}
      </p>
    );
  }
  if (!requests.canRequest || check.status !== 'fail') return null;
  return <AcknowledgeForm service={requests.service} check={check.id} />;
}

function RequestState({ check, requests }: { check: ScorecardCheck; requests: Requests }) {
  const pending = requests.pending.get(check.id);
  if (pending) {
    return (
      <p data-testid={`requested-${check.id}`}>
        <strong>Exemption requested</strong> by {pending.requestedBy} until {formatDate(`${pending.expires}T00:00:00Z`)}: waiting for the platform team
      </p>
    );
  }
  if (!requests.canRequest || (check.status !== 'fail' && check.status !== 'unknown')) return null;
  return <ExemptionRequestForm service={requests.service} check={check.id} maxDays={requests.maxDays} />;
}

function CheckItem({ check, requests }: { check: TodoItem; requests: Requests }) {
  return (
    <li className={styles.check} data-check={check.id} data-status={check.status}>
      <div>
        <Badge value={check.status} />
      </div>
      <div className={styles.checkBody}>
        <span className={styles.checkTitle}>{check.title}</span>
        {check.campaign ? <CampaignTag campaign={check.campaign} /> : null}
        {check.description ? <span className="muted">{check.description}</span> : null}
        <EvidenceDetails evidence={check.evidence} />
        {check.exemption ? <Exemption exemption={check.exemption} /> : null}
        <Acknowledgement check={check} requests={requests} />
        <RequestState check={check} requests={requests} />
        {/* An unknown check's evidence says why it cannot be judged; fix advice would point at the wrong action. */}
        {check.fix && check.status === 'fail' ? (
          <p className={styles.fix} data-fix>
            <strong>How to fix:</strong> <InlineMarkdown text={check.fix} />
          </p>
        ) : null}
        <span className="muted">
          {check.level} · {check.category}
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

function CheckList({ checks, label, requests }: { checks: TodoItem[]; label: string; requests: Requests }) {
  return (
    <ul className={styles.checks} aria-label={label}>
      {checks.map((check) => (
        <CheckItem key={check.id} check={check} requests={requests} />
      ))}
    </ul>
  );
}

/**
 * A service's golden-path scorecard as its owners' to-do list: level and score, then the failing checks that stand
 * between the service and its next level (in the order planServiceTodo gives), then those of later levels; the
 * checks that pass, are exempt or do not apply are folded below. Owners of the service (and the platform team) get an
 * exemption request form on failing checks; pending requests are shown on their check.
 */
export async function ServiceScorecard({ service, canRequest = false }: { service: string; canRequest?: boolean }) {
  const db = await getDb();
  const [loaded] = await listServiceTodos({ db, services: [service], standards: getStandards() });
  if (!loaded || loaded.scorecard.checks.length === 0) return <EmptyState title="No golden-path checks apply to this service" />;
  const pending = new Map((await listExemptionRequests({ db, service })).map((request) => [request.check, request]));
  const acknowledged = new Map((await listCheckAcknowledgements(db, service)).map((note) => [note.checkId, note]));
  const maxDays = getConfig().scorecard.exemptionMaxDays;
  const requests: Requests = { service, pending, acknowledged, canRequest, maxDays };
  const { scorecard, todo } = loaded;
  const laterLevels = [...new Set(todo.later.map((check) => check.level))].join(' and ');
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
      <section aria-labelledby="todo-next" data-testid="todo">
        <h3 id="todo-next" className={styles.todoHeading}>
          {todo.nextLevel === null
            ? `At ${scorecard.level}, the top level: nothing stands in the way`
            : todo.blocking.length === 0
              ? `Nothing failing stands between this service and ${todo.nextLevel}`
              : `Fix ${todo.blocking.length === 1 ? 'this check' : `these ${todo.blocking.length} checks`} to reach ${todo.nextLevel}`}
        </h3>
        {todo.blocking.length > 0 ? <CheckList checks={todo.blocking} label={`Checks blocking ${todo.nextLevel}`} requests={requests} /> : null}
        {todo.later.length > 0 ? (
          <>
            <h3 className={styles.todoHeading}>Then, for {laterLevels}</h3>
            <CheckList checks={todo.later} label={`Checks for ${laterLevels}`} requests={requests} />
          </>
        ) : null}
      </section>
      {todo.settled.length > 0 ? (
        <details className={styles.folded} data-testid="settled">
          <summary>{formatCount(todo.settled.length, 'check')} passing, exempt or not applicable</summary>
          <CheckList checks={todo.settled} label="Passing, exempt or not applicable checks" requests={requests} />
        </details>
      ) : null}
    </>
  );
}

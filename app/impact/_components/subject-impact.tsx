import Link from 'next/link';
import type { SubjectImpact as Analysis } from '@/lib/impact/compute-subject-impact';
import { subjectKey } from '@/lib/impact/list-impact-subjects';
import { EffectTable } from './effect-table';
import { groupByReason, NAMED_PER_REASON } from './group-by-reason';
import styles from './impact.module.css';
import { formatCount } from '@/lib/format/format-count';
import { servicePath } from '@/lib/links/name-path';

const serviceLink = (service: string) => <Link href={servicePath(service)}>{service}</Link>;

const joinNodes = (nodes: React.ReactNode[]) => nodes.flatMap((node, index) => (index === 0 ? [node] : [', ', node]));

/**
 * One check's (or level's) analysis as stored: its one-sentence answer first, the before/after and cohort figures
 * folded below it, so the page reads at a glance.
 */
export function SubjectImpact({ impact }: { impact: Analysis }) {
  const { subject, adoption, cohort } = impact;
  const what = subject.kind === 'check' ? 'adopting' : `reaching ${subject.level}`;
  return (
    <div className={styles.subject} data-subject={subjectKey(subject)}>
      <p className={styles.headline} data-headline>
        {impact.headline}
      </p>
      <details className={styles.details}>
        <summary>The figures, with 95 % intervals</summary>
        <h3>Before and after {what}</h3>
        <p className="muted">
          {adoption.adopters.length === 0
            ? 'No service went from failing to passing with enough history on both sides.'
            : joinNodes(
                adoption.adopters.slice(0, NAMED_PER_REASON).map(({ service, day }) => (
                  <span key={service}>
                    {serviceLink(service)} on {day}
                  </span>
                )),
              )}
          {adoption.adopters.length > NAMED_PER_REASON
            ? ` and ${formatCount(adoption.adopters.length - NAMED_PER_REASON, 'more service')}`
            : null}
          {adoption.adopters.length > 0
            ? `; ${adoption.windowDays} days before vs after, against ${adoption.controls} services whose status never changed.`
            : null}
        </p>
        <EffectTable kind="adoption" effects={adoption.effects} caption={`Before and after ${what}`} />
        {adoption.excluded.length > 0 ? (
          <details className={styles.excluded}>
            <summary>
              {formatCount(adoption.excluded.length, 'service')} left out of the before/after comparison
            </summary>
            <ul>
              {groupByReason(adoption.excluded).map(({ reason, services }) => (
                <li key={reason}>
                  {reason}:{' '}
                  {joinNodes(
                    services
                      .slice(0, NAMED_PER_REASON)
                      .map((service) => <span key={service}>{serviceLink(service)}</span>),
                  )}
                  {services.length > NAMED_PER_REASON
                    ? ` and ${formatCount(services.length - NAMED_PER_REASON, 'more service')}`
                    : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <h3>Passing vs failing now</h3>
        <p className="muted">
          {cohort.passing.length} passing and {cohort.failing.length} failing services as of {cohort.asOf}, over the
          last {cohort.days} days.
        </p>
        <EffectTable kind="cohort" effects={cohort.effects} caption={`Passing vs failing services`} />
      </details>
    </div>
  );
}

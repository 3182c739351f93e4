import Link from 'next/link';
import { listServiceTodos } from '@/lib/campaigns/list-service-todos';
import { orderTeamTodos } from '@/lib/campaigns/order-team-todos';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format/format-count';
import { servicePath } from '@/lib/links/name-path';
import { getStandards } from '@/lib/scorecard/get-standards';
import { Badge } from '../ui/badge';
import { CampaignTag } from './campaign-tag';
import { InlineMarkdown } from '../ui/inline-markdown';
import { EmptyState } from '../ui/states';
import styles from './scorecard.module.css';

/**
 * One team's to-do across its services (the service pages' lists, joined): each service with the checks blocking its
 * next level and how to fix them, the services a campaign waits on first.
 */
export async function TeamTodoList({ team }: { team: string }) {
  const listings = await listServiceTodos({ db: await getDb(), team, standards: getStandards() });
  const rows = orderTeamTodos(listings);
  if (rows.length === 0) {
    return <EmptyState title={`Nothing blocks ${team}'s services`}>{formatCount(listings.length, 'service')} at their next level or the top.</EmptyState>;
  }
  return (
    <>
      <p className="muted">
        {formatCount(rows.length, 'service')} of {listings.length} {rows.length === 1 ? 'has' : 'have'} checks blocking the next level; those a
        campaign is waiting on come first.
      </p>
      <ol className={styles.teamTodo} data-testid="team-todo">
        {rows.map((row) => (
          <li key={row.service} data-service={row.service}>
            <h3 className={styles.todoHeading}>
              <Link href={servicePath(row.service)}>{row.service}</Link>: fix{' '}
              {row.blocking.length === 1 ? 'this check' : `these ${row.blocking.length} checks`} to go from {row.level} to{' '}
              {row.nextLevel}
            </h3>
            <ul className={styles.checks}>
              {row.blocking.map((check) => (
                <li key={check.id} className={styles.check} data-check={check.id}>
                  <div>
                    <Badge value={check.status} />
                  </div>
                  <div className={styles.checkBody}>
                    <span className={styles.checkTitle}>{check.title}</span>
                    {check.campaign ? <CampaignTag campaign={check.campaign} /> : null}
                    {check.fix && check.status === 'fail' ? (
                      <p className={styles.fix}>
                        <strong>How to fix:</strong> <InlineMarkdown text={check.fix} />
                      </p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

import type { BehindTeam } from '@/lib/campaigns/get-campaign-progress';
import { servicePath, teamPath } from '@/lib/links/name-path';
import Link from 'next/link';
import { formatCount } from '@/lib/format/format-count';
import { Badge } from '../../_components/ui/badge';
import { EmptyState } from '../../_components/ui/states';
import styles from './campaigns.module.css';

/** Who is behind: each team with its services not yet done, and for each service the checks in its way. */
export function BehindList({ behind }: { behind: BehindTeam[] }) {
  if (behind.length === 0) return <EmptyState title="Every service in scope is done" />;
  return (
    <ul className={styles.teams} data-testid="behind">
      {behind.map((team) => (
        <li key={team.team ?? '(none)'} data-team={team.team ?? ''}>
          <h3 className={styles.teamHeading}>
            {team.team ? <Link href={teamPath(team.team)}>{team.team}</Link> : 'No team'}{' '}
            <span className="muted">({formatCount(team.services.length, 'service')} behind)</span>
          </h3>
          <ul className={styles.services}>
            {team.services.map((service) => (
              <li key={service.name} data-service={service.name}>
                <Link href={servicePath(service.name)}>{service.name}</Link>
                <ul className={styles.checks}>
                  {service.blocking.map((check) => (
                    <li key={check.id} data-check={check.id}>
                      <Badge value={check.status} /> {check.title}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

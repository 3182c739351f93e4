import Link from 'next/link';
import type { OwnershipChange } from '@/lib/catalog/list-ownership-changes';
import { getConfig } from '@/lib/config/load-config';
import { formatDate } from '@/lib/format/format-date';
import { servicePath, teamPath } from '@/lib/links/name-path';
import { Card } from '../../../_components/ui/card';

const describeTeam = (team: string | null) => (team ? <Link href={teamPath(team)}>{team}</Link> : 'no team');

/**
 * The services that came to or left the team, so a lead reading its trend knows why a service's history is (or is
 * not) in it: by default each event counts for the team that owned its service at the time.
 */
export function OwnershipChanges({ team, changes }: { team: string; changes: OwnershipChange[] }) {
  if (changes.length === 0) return null;
  const byToday = getConfig().metrics.teamOwners === 'current';
  return (
    <Card
      title="Ownership changes"
      hint={
        byToday
          ? `Figures count every service ${team} owns today over its whole history (metrics.teamOwners: current)`
          : `Figures count each service's deployments, changes and incidents only while ${team} owned it`
      }
    >
      <ul>
        {changes.map((change) => (
          <li key={`${change.service}@${change.since.toISOString()}`}>
            <Link href={servicePath(change.service)}>{change.service}</Link> moved from {describeTeam(change.from)} to{' '}
            {describeTeam(change.to)} on {formatDate(change.since)}
          </li>
        ))}
      </ul>
    </Card>
  );
}

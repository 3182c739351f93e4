import type { Metadata } from 'next';
import Link from 'next/link';
import { listTeams } from '@/lib/catalog/list-teams';
import { getDb } from '@/lib/db/client';
import { teamPath } from '@/lib/links/name-path';
import { getViewer } from '../_components/auth/get-viewer';
import { TeamTodoList } from '../_components/scorecard/team-todo-list';
import { Card } from '../_components/ui/card';
import { PageHeader } from '../_components/ui/page-header';
import { Widget } from '../_components/ui/widget';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'My to-do' };

/**
 * The signed-in person's to-do: the services of the teams their identity provider puts them in. Without sign-in (or
 * for someone in no team) there is nobody to know, so it offers each team's list instead.
 */
export default async function MyTodoPage() {
  const viewer = await getViewer();
  const teams = viewer?.kind === 'session' ? viewer.teams : [];
  if (teams.length === 0) {
    const all = await listTeams({ db: await getDb() });
    return (
      <>
        <PageHeader
          title="My to-do"
          lede={
            viewer?.kind === 'session'
              ? 'Your sign-in names no team, so here is every team’s list; ask an admin to map your groups to teams.'
              : 'Without sign-in Waymark does not know who you are: pick your team.'
          }
        />
        <Card title="Teams">
          <ul data-testid="team-picker">
            {all.map((team) => (
              <li key={team.name}>
                <Link href={`${teamPath(team.name)}/todo`}>{team.displayName ?? team.name}</Link>
              </li>
            ))}
          </ul>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title="My to-do" lede={`What to fix next on the services of ${teams.join(', ')}.`} />
      {teams.map((team) => (
        <Card key={team} title={team}>
          <Widget label={`${team}'s to-do`}>
            <TeamTodoList team={team} />
          </Widget>
        </Card>
      ))}
    </>
  );
}

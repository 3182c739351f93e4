import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listServices } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db/client';
import { nameFromPageParam, teamPath } from '@/lib/links/name-path';
import { TeamTodoList } from '../../../_components/scorecard/team-todo-list';
import { Card } from '../../../_components/ui/card';
import { PageHeader } from '../../../_components/ui/page-header';
import { Widget } from '../../../_components/ui/widget';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ team: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${nameFromPageParam((await params).team)}: to-do` };
}

export default async function TeamTodoPage({ params }: Props) {
  const team = nameFromPageParam((await params).team);
  if ((await listServices({ db: await getDb(), team })).length === 0) notFound();
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/teams">Teams</Link> · <Link href={teamPath(team)}>{team}</Link>
          </>
        }
        title={`${team}: what to fix next`}
        lede="The checks that stand between each of the team's services and its next golden-path level, with how to fix them."
      />
      <Card title="To-do">
        <Widget label="To-do">
          <TeamTodoList team={team} />
        </Widget>
      </Card>
    </>
  );
}

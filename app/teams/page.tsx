import type { Metadata } from 'next';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { getDb } from '@/lib/db/client';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import { Widget } from '../_components/ui/widget';
import { TeamsTable } from './_components/teams-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const presence = await getDataPresence({ db: await getDb() });
  return (
    <>
      <PageHeader title="Teams" lede="Each team's services, delivery figures and golden-path levels." />
      {presence.hasServices ? (
        <Widget label="Teams" height={300}>
          <TeamsTable />
        </Widget>
      ) : (
        <ConnectSource title="No teams yet" />
      )}
    </>
  );
}

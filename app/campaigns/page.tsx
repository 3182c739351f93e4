import type { Metadata } from 'next';
import Link from 'next/link';
import type { CampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { campaignPath } from '@/lib/links/name-path';
import { Card } from '../_components/ui/card';
import { DataTable } from '../_components/ui/data-table';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState } from '../_components/ui/states';
import { Widget } from '../_components/ui/widget';
import { describeGoal, describeProjection, describeScope, formatCampaignDay } from './_components/describe-campaign';
import { loadCampaignProgresses } from './_components/load-campaigns';
import { NewCampaignForm } from './_components/new-campaign-form';
import { getViewer } from '../_components/auth/get-viewer';
import { hasRole } from '@/lib/auth/roles';
import { getStandards } from '@/lib/scorecard/get-standards';
import styles from './_components/campaigns.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Campaigns' };

const STATE_LABELS = { upcoming: 'Not started', active: 'Under way', ended: 'Ended' } as const;

async function CampaignsTable() {
  const { standards, progresses } = await loadCampaignProgresses();
  if (progresses.length === 0) {
    return (
      <EmptyState title="No campaigns yet">
        <p>Add a <code>campaigns</code> section to your standards file (see golden-path.example.yaml), or start one below.</p>
      </EmptyState>
    );
  }
  const titles = new Map(standards.checks.map((check) => [check.id, check.title]));
  return (
    <DataTable<CampaignProgress>
      caption="Campaigns, nearest deadline first"
      captionHidden
      testId="campaigns-table"
      rows={progresses}
      rowKey={(row) => row.campaign.name}
      columns={[
        { label: 'Campaign', cell: (row) => <Link href={campaignPath(row.campaign.name)}>{row.campaign.title}</Link> },
        { label: 'Goal', cell: (row) => `${describeGoal(row.campaign, titles)} (${describeScope(row.campaign)})` },
        { label: 'Done', numeric: true, cell: (row) => `${row.done} of ${row.total}` },
        { label: 'Deadline', cell: (row) => `${formatCampaignDay(row.campaign.deadline)} · ${STATE_LABELS[row.state]}` },
        {
          label: 'Projected',
          cell: (row) => {
            const projection = describeProjection(row.projection, row.campaign.deadline);
            return <span className={projection.onTrack === false ? styles.behindDeadline : undefined}>{projection.text}{projection.onTrack === false ? ' (late)' : ''}</span>;
          },
        },
        { label: 'Owner', cell: (row) => row.campaign.owner },
      ]}
    />
  );
}

export default async function CampaignsPage() {
  const viewer = await getViewer();
  const canCreate = viewer !== null && hasRole(viewer, 'platform');
  return (
    <>
      <PageHeader title="Campaigns" lede="Named goals the platform team set for a group of services, with a deadline: how far each has come and when it will be done at the current pace." />
      <Card title="All campaigns">
        <Widget label="Campaigns">
          <CampaignsTable />
        </Widget>
        {canCreate ? <NewCampaignForm standards={getStandards()} /> : null}
      </Card>
    </>
  );
}

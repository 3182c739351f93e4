import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { decodeNameSegment, encodeNameSegment } from '@/lib/links/name-path';
import { DownloadCsv } from '../../_components/ui/download-csv';
import { Card } from '../../_components/ui/card';
import { ExternalLink } from '../../_components/ui/external-link';
import { PageHeader } from '../../_components/ui/page-header';
import { BehindList } from '../_components/behind-list';
import { BurnUpSection } from '../_components/burn-up-section';
import { describeGoal, describeProjection, describeScope, formatCampaignDay } from '../_components/describe-campaign';
import { ExemptionsTable } from '../_components/exemptions-table';
import { loadCampaignProgress } from '../_components/load-campaigns';
import styles from '../_components/campaigns.module.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Campaign ${decodeNameSegment((await params).name)}` };
}

export default async function CampaignPage({ params }: Props) {
  const loaded = await loadCampaignProgress(decodeNameSegment((await params).name));
  if (!loaded) notFound();
  const { progress, standards } = loaded;
  const { campaign } = progress;
  const projection = describeProjection(progress.projection, campaign.deadline);
  const titles = new Map(standards.checks.map((check) => [check.id, check.title]));
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/campaigns">Campaigns</Link>}
        title={campaign.title}
        lede={
          <>
            {campaign.description ? `${campaign.description} ` : null}
            {campaign.link ? <ExternalLink url={campaign.link}>More about this campaign</ExternalLink> : null}
          </>
        }
      />
      <Card title="Where it stands">
        <dl className={styles.figures} data-testid="campaign-figures">
          <div>
            <dt>Done</dt>
            <dd data-testid="campaign-done">
              {progress.done} of {progress.total}
            </dd>
          </div>
          <div>
            <dt>Goal</dt>
            <dd>{describeGoal(campaign, titles)}</dd>
          </div>
          <div>
            <dt>Scope</dt>
            <dd>{describeScope(campaign)}</dd>
          </div>
          <div>
            <dt>Deadline</dt>
            <dd>
              {formatCampaignDay(campaign.deadline)} <span className="muted">(from {formatCampaignDay(campaign.start)})</span>
            </dd>
          </div>
          <div>
            <dt>Projected completion</dt>
            <dd data-testid="campaign-projection" className={projection.onTrack === false ? styles.behindDeadline : undefined}>
              {projection.text}
              {projection.onTrack === false ? ' (after the deadline)' : projection.onTrack ? ' (on track)' : ''}
            </dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{campaign.owner}</dd>
          </div>
        </dl>
      </Card>
      <Card
        title="Burn-up"
        hint={
          <>
            Services done per day against the straight line to the deadline <DownloadCsv action={`/api/campaigns/${encodeNameSegment(campaign.name)}/export.csv`} params={{}} />
          </>
        }
      >
        <BurnUpSection progress={progress} />
      </Card>
      <Card title="Who is behind" hint={`${progress.total - progress.done} services not done`}>
        <BehindList behind={progress.behind} />
      </Card>
      <Card title="Exemptions granted inside the campaign">
        <ExemptionsTable exemptions={progress.exemptions} titles={titles} />
      </Card>
    </>
  );
}

import Link from 'next/link';
import type { TodoCampaign } from '@/lib/campaigns/plan-service-todo';
import { formatDate } from '@/lib/format/format-date';
import { campaignPath } from '@/lib/links/name-path';
import styles from './scorecard.module.css';

/** The running campaign that asks for a check, with its deadline, beside the check in a to-do list. */
export function CampaignTag({ campaign }: { campaign: TodoCampaign }) {
  return (
    <span className={styles.campaignTag} data-campaign={campaign.name}>
      Campaign <Link href={campaignPath(campaign.name)}>{campaign.title}</Link>, due {formatDate(`${campaign.deadline}T00:00:00Z`)}
    </span>
  );
}

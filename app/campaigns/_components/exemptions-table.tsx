import Link from 'next/link';
import type { ExemptionListing } from '@/lib/scorecard/list-exemptions';
import { servicePath } from '@/lib/links/name-path';
import { DataTable } from '../../_components/ui/data-table';
import { formatExpiry } from '../../_components/format/format-expiry';
import { EmptyState } from '../../_components/ui/states';
import { formatCampaignDay } from './describe-campaign';

/** Exemptions on the campaign's checks for services in its scope: who was let off what, why, and until when. */
export function ExemptionsTable({ exemptions, titles }: { exemptions: ExemptionListing[]; titles: Map<string, string> }) {
  if (exemptions.length === 0) return <EmptyState title="No exemptions on this campaign's checks" />;
  return (
    <DataTable<ExemptionListing>
      caption="Active exemptions on the campaign's checks"
      captionHidden
      testId="campaign-exemptions"
      rows={exemptions}
      rowKey={(row) => row.id}
      columns={[
        { label: 'Service', cell: (row) => <Link href={servicePath(row.service)}>{row.service}</Link> },
        { label: 'Check', cell: (row) => titles.get(row.check) ?? row.check },
        { label: 'Reason', cell: (row) => row.reason },
        { label: 'Until', cell: (row) => `${formatCampaignDay(row.expires)} (${formatExpiry(row.expires)})` },
        { label: 'Granted by', cell: (row) => row.createdBy ?? 'standards file' },
      ]}
    />
  );
}

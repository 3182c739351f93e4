import type { Metadata } from 'next';
import { SourcesTable } from '../_components/runs/sources-table';
import { Card } from '../_components/ui/card';
import { PageHeader } from '../_components/ui/page-header';
import ui from '../_components/ui/ui.module.css';
import { Widget } from '../_components/ui/widget';
import { PayloadErrors } from './_components/payload-errors';
import { RunsTable } from './_components/runs-table';
import { UnmappedRecords } from './_components/unmapped-records';
import { WebhooksSummary } from './_components/webhooks-summary';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Ingest status' };

export default function IngestStatusPage() {
  return (
    <>
      <PageHeader title="Ingest status" lede="Where the data comes from, how fresh it is, and what went wrong on the way in." />
      <Card title="Sources">
        <Widget label="Sources">
          <SourcesTable details />
        </Widget>
      </Card>
      <Card title="Recent runs">
        <Widget label="Recent runs" height={300}>
          <RunsTable />
        </Widget>
      </Card>
      <div className={ui.twoCol}>
        <Card title="Webhooks and rejected requests">
          <Widget label="Webhooks">
            <WebhooksSummary />
          </Widget>
        </Card>
        <Card title="Payloads not understood">
          <Widget label="Payload errors">
            <PayloadErrors />
          </Widget>
        </Card>
      </div>
      <Card title="Records of unmapped services">
        <Widget label="Unmapped records">
          <UnmappedRecords />
        </Widget>
      </Card>
    </>
  );
}

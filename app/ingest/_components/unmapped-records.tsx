import type { IngestStatus } from '@/lib/runs/get-ingest-status';
import { DataTable, type Column } from '../../_components/ui/data-table';
import table from '../../_components/ui/table.module.css';
import { TimeAgo } from '../../_components/ui/time-ago';
import { getCachedIngestStatus } from './get-cached-ingest-status';

type Group = IngestStatus['unmapped'][number];

const COLUMNS: Column<Group>[] = [
  { label: 'Source', cell: (row) => row.source },
  { label: 'Their service', cell: (row) => row.externalServiceName ?? row.externalServiceId },
  { label: 'Id', cell: (row) => <span className={table.mono}>{row.externalServiceId}</span> },
  { label: 'Kept', cell: (row) => `${row.records} ${row.kind}${row.records === 1 ? '' : 's'}` },
  { label: 'Latest', cell: (row) => (row.latestAt ? <TimeAgo at={row.latestAt} /> : '—') },
];

/**
 * Records a source delivered for services Waymark cannot place (a PagerDuty service or incident.io catalog entry no
 * catalog annotation, waymark.yaml entry or service name maps): kept, never dropped, and counted in no metric until a mapping is added.
 */
export async function UnmappedRecords() {
  const { unmapped } = await getCachedIngestStatus();
  if (unmapped.length === 0) return <p className="muted">Every record maps to a Waymark service.</p>;
  return (
    <>
      <p className="muted">
        Map a PagerDuty service with the <code>pagerduty.com/service-id</code> annotation in the service&apos;s
        catalog-info.yaml, or under <code>pagerduty.services</code> in waymark.yaml; an incident.io catalog entry with
        <code>incident.io/catalog-entry-id</code>, or under <code>incidentIo.services</code>. The next sync moves its
        incidents in.
      </p>
      <DataTable
        columns={COLUMNS}
        rows={unmapped}
        rowKey={(row) => `${row.source}:${row.kind}:${row.externalServiceId}`}
        caption="By the source's own service"
        testId="unmapped-records"
      />
    </>
  );
}

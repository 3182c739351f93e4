import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { listRegressions, type Regression } from '@/lib/scorecard/list-regressions';
import { Badge } from '../../_components/ui/badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { EmptyState } from '../../_components/ui/states';
import { TimeAgo } from '../../_components/ui/time-ago';
import { servicePath } from '@/lib/links/name-path';

const COLUMNS: Column<Regression>[] = [
  { label: 'Service', cell: (row) => <Link href={servicePath(row.service)}>{row.service}</Link> },
  { label: 'Team', cell: (row) => row.team ?? '—' },
  {
    label: 'What went backwards',
    cell: (row) =>
      row.kind === 'check' ? (
        <>
          {row.title ?? row.checkId}: <Badge value="pass" /> → <Badge value="fail" />
          <div className="muted">{row.cause === 'rule' ? 'The check’s rule changed' : row.evidence.summary}</div>
        </>
      ) : (
        <>
          Level <Badge value={row.from} /> → <Badge value={row.to} />
        </>
      ),
  },
  { label: 'When', cell: (row) => <TimeAgo at={row.kind === 'check' ? row.at : `${row.day}T00:00:00Z`} /> },
  { label: 'Now', cell: (row) => (row.kind === 'check' ? <Badge value={row.current ?? 'unknown'} /> : '—') },
];

/** Services whose checks or level went backwards since `since`, newest first. */
export async function RegressionsList({ since, team }: { since: Date; team?: string }) {
  const regressions = await listRegressions({ db: await getDb(), since, team });
  if (regressions.length === 0) return <EmptyState title="No service regressed this week" />;
  return (
    <DataTable
      columns={COLUMNS}
      rows={regressions}
      rowKey={(row) => (row.kind === 'check' ? `${row.service}:${row.checkId}:${row.at}` : `${row.service}:level:${row.day}`)}
      caption={`${regressions.length} regressions in the last 7 days`}
      testId="regressions"
    />
  );
}

import Link from 'next/link';
import { listTeams, type TeamRow } from '@/lib/catalog/list-teams';
import { getDb } from '@/lib/db/client';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { EmptyState } from '../../_components/ui/states';

const COLUMNS: Column<TeamRow>[] = [
  { label: 'Team', cell: (team) => <Link href={`/teams/${encodeURIComponent(team.name)}`}>{team.displayName ?? team.name}</Link> },
  { label: 'Services', numeric: true, cell: (team) => team.services },
];

/** Every team that owns a service, with how many it owns. */
export async function TeamsTable() {
  const teams = await listTeams({ db: await getDb() });
  if (teams.length === 0) {
    return (
      <EmptyState title="No service names its team yet">
        <p className="muted">
          Set <code>team</code> on <code>service</code> records, or <code>spec.owner</code> in catalog-info.yaml.
        </p>
      </EmptyState>
    );
  }
  return <DataTable columns={COLUMNS} rows={teams} rowKey={(team) => team.name} caption="Teams and their services" captionHidden testId="teams-table" />;
}

import type { Metadata } from 'next';
import { listRoleGrants } from '@/lib/auth/list-role-grants';
import { hasRole } from '@/lib/auth/roles';
import { listTeams } from '@/lib/catalog/list-teams';
import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format/format-date';
import { getViewer } from '../_components/auth/get-viewer';
import { Card } from '../_components/ui/card';
import { DataTable } from '../_components/ui/data-table';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState, ErrorState } from '../_components/ui/states';
import { GrantRoleForm, RevokeRoleButton } from './role-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Roles' };

type Grant = Awaited<ReturnType<typeof listRoleGrants>>[number];
type GroupRole = { group: string; role: string; team: string | null };

/** Where roles come from: the identity provider's groups (waymark.yaml) and grants to one user (admins, here). */
const readGroupRoles = (): GroupRole[] => {
  const roles = getConfig().auth.roles;
  return [
    ...roles.admin.map((group) => ({ group, role: 'admin', team: null })),
    ...roles.platform.map((group) => ({ group, role: 'platform', team: null })),
    ...Object.entries(roles.owners).map(([group, team]) => ({ group, role: 'owner', team })),
  ];
};

export default async function RolesPage() {
  const viewer = await getViewer();
  const lede =
    'Everyone signed in reads. Roles beyond that come from the identity provider’s groups ' +
    '(auth.roles in waymark.yaml) ' +
    'or from a grant to one user here; either counts from the user’s next sign-in.';
  if (!viewer || !hasRole(viewer, 'admin')) {
    return (
      <>
        <PageHeader title="Roles" lede={lede} />
        <ErrorState title="Roles are managed by admins">
          Ask an admin, or the platform team, to change a role.
        </ErrorState>
      </>
    );
  }
  const db = await getDb();
  const [grants, teams] = await Promise.all([listRoleGrants(db), listTeams({ db })]);
  const groups = readGroupRoles();
  return (
    <>
      <PageHeader title="Roles" lede={lede} />
      <Card title="Grant a role">
        <GrantRoleForm teams={teams.map((team) => team.name)} />
      </Card>
      <Card title="Grants to one user">
        {grants.length === 0 ? (
          <EmptyState title="No grants">Roles come from groups alone.</EmptyState>
        ) : (
          <DataTable<Grant>
            caption="Role grants"
            captionHidden
            testId="role-grants"
            rows={grants}
            rowKey={(row) => row.id}
            columns={[
              { label: 'User', cell: (row) => row.subject },
              { label: 'Role', cell: (row) => (row.team ? `${row.role} of ${row.team}` : row.role) },
              { label: 'Granted by', cell: (row) => row.grantedBy },
              { label: 'Granted', cell: (row) => formatDateTime(row.grantedAt) },
              {
                label: 'Action',
                cell: (row) => <RevokeRoleButton id={row.id} label={`${row.role} of ${row.subject}`} />,
              },
            ]}
          />
        )}
      </Card>
      <Card title="From the identity provider's groups">
        {groups.length === 0 ? (
          <EmptyState title="No group gives a role">Set auth.roles in waymark.yaml (see README, Roles).</EmptyState>
        ) : (
          <DataTable<GroupRole>
            caption="Roles by group"
            captionHidden
            testId="group-roles"
            rows={groups}
            rowKey={(row) => `${row.role} ${row.group}`}
            columns={[
              { label: 'Group', cell: (row) => row.group },
              { label: 'Role', cell: (row) => (row.team ? `owner of ${row.team}` : row.role) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

import type { Metadata } from 'next';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { getViewer } from '../_components/auth/get-viewer';
import { formatDateTime } from '@/lib/format/format-date';
import { Card } from '../_components/ui/card';
import { DataTable } from '../_components/ui/data-table';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState, ErrorState } from '../_components/ui/states';
import { CreateTokenForm, RevokeTokenButton } from './token-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API tokens' };

type Row = Awaited<ReturnType<typeof listApiTokens>>[number];

/** API tokens for CI and scripts: the platform team creates (shown once) and revokes them; never their secrets. */
export default async function TokensPage() {
  const viewer = await getViewer();
  const lede = 'Tokens let CI push events and check results. Each has scopes, an optional expiry and its last use; the CLI (waymark token) manages the same tokens.';
  if (!viewer || !hasRole(viewer, 'platform')) {
    return (
      <>
        <PageHeader title="API tokens" lede={lede} />
        <ErrorState title="Tokens are managed by the platform team">Ask them for a token with the scopes your pipeline needs.</ErrorState>
      </>
    );
  }
  const rows = await listApiTokens(await getDb());
  return (
    <>
      <PageHeader title="API tokens" lede={lede} />
      <Card title="New token">
        <CreateTokenForm />
      </Card>
      <Card title="Tokens">
        {rows.length === 0 ? (
          <EmptyState title="No tokens yet" />
        ) : (
          <DataTable<Row>
            caption="API tokens"
            captionHidden
            testId="tokens-table"
            rows={rows}
            rowKey={(row) => row.id}
            columns={[
              { label: 'Name', cell: (row) => row.name },
              { label: 'Scopes', cell: (row) => row.scopes.join(', ') },
              { label: 'Owner', cell: (row) => row.owner ?? '—' },
              { label: 'Created', cell: (row) => formatDateTime(row.createdAt) },
              { label: 'Expires', cell: (row) => (row.expiresAt ? formatDateTime(row.expiresAt) : 'never') },
              { label: 'Last used', cell: (row) => (row.lastUsedAt ? formatDateTime(row.lastUsedAt) : 'never') },
              { label: 'State', cell: (row) => (row.revokedAt ? `revoked ${formatDateTime(row.revokedAt)}` : <RevokeTokenButton id={row.id} name={row.name} />) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

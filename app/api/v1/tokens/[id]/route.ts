import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { handleWriteRequest } from '@/lib/http/handle-write-request';

export const dynamic = 'force-dynamic';

/** Revokes a token (by id or name); requests with it are refused from then on. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleWriteRequest(
    request,
    '/api/v1/tokens/:id',
    async ({ db, audit }) => {
      const revoked = await revokeApiToken(db, (await params).id);
      audit({ action: 'token.revoke', target: revoked.name, detail: { id: revoked.id } });
      return revoked;
    },
    { access: { role: 'platform', scope: 'admin' } },
  );
}

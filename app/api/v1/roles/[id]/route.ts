import { revokeRole } from '@/lib/auth/grant-role';
import { handleWriteRequest } from '@/lib/http/handle-write-request';

export const dynamic = 'force-dynamic';

/** Revokes one grant (admins); the user keeps the session they have until it ends or they sign in again. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleWriteRequest(
    request,
    '/api/v1/roles/:id',
    async ({ db, audit }) => {
      const [revoked] = await revokeRole({ db, id: (await params).id });
      audit({
        action: 'role.revoke',
        target: revoked!.subject,
        detail: { id: revoked!.id, role: revoked!.role, team: revoked!.team },
      });
      return revoked;
    },
    { access: { role: 'admin', scope: 'admin' } },
  );
}

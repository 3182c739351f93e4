import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { revokeExemption } from '@/lib/scorecard/revoke-exemption';
import { ZExemptionRevocation } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/** Revokes an exemption; an optional JSON body `{reason}` goes into the audit record with the token's name. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleWriteRequest(
    request,
    '/api/exemptions/:id',
    async ({ db, actor, readBody, audit }) => {
      const body = await readBody();
      const [revocation] = body.trim() === '' ? [{}] : parseRequest(ZExemptionRevocation, body);
      const { id } = await params;
      const revoked = await revokeExemption({ db, id, actor, reason: revocation?.reason });
      audit({ action: 'exemption.revoke', target: `${revoked.service}/${revoked.checkId}`, detail: { id, reason: revocation?.reason ?? null } });
      return revoked;
    },
    { access: { role: 'platform', scope: 'admin' } },
  );
}

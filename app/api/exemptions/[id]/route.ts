import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { readBody } from '@/lib/http/read-body';
import { requireWriteToken } from '@/lib/http/require-token';
import { withSpan } from '@/lib/observability/trace';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { revokeExemption } from '@/lib/scorecard/revoke-exemption';
import { ZExemptionRevocation } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/** Revokes an exemption; an optional JSON body `{reason}` goes into the audit record with the token's name. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withSpan('http DELETE /api/exemptions/:id', {}, async () => {
    try {
      const db = await getDb();
      const caller = await requireWriteToken(db, request);
      if (caller instanceof Response) return caller;
      const body = await readBody(request, getConfig().server.maxBodyBytes);
      const [revocation] = body.trim() === '' ? [{}] : parseRequest(ZExemptionRevocation, body);
      const { id } = await params;
      return jsonResponse(await revokeExemption({ db, id, actor: caller.name, reason: revocation?.reason }));
    } catch (error) {
      return errorResponse(error);
    }
  });
}

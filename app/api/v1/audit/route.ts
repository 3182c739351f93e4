import { listAudit } from '@/lib/audit/list-audit';
import { handleReadRequest } from '@/lib/http/handle-read-request';

export const dynamic = 'force-dynamic';

/** The audit log, newest first (platform and admin; tokens need the admin scope): `?actor=`, `?action=`, `?before=<id>`, `?limit=`. */
export async function GET(request: Request) {
  return handleReadRequest(
    request,
    '/api/v1/audit',
    (db, query) =>
      listAudit({ db, actor: query.get('actor') ?? undefined, action: query.get('action') ?? undefined, before: Number(query.get('before')) || undefined, limit: Number(query.get('limit')) || undefined }),
    { role: 'platform' },
  );
}

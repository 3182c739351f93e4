import { requireServiceAccess } from '@/lib/auth/require-service-access';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { formToJson, isFormPost, seeOther } from '@/lib/http/read-form-or-json';
import { servicePath } from '@/lib/links/name-path';
import { acknowledgeCheck } from '@/lib/scorecard/acknowledge-check';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { ZAcknowledgement } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/**
 * An owner acknowledges a failing check of a service of their team with a note `{service, check, note}` (JSON, or
 * the service page's form, sent back to the page). It shows on the check until the check's result changes.
 */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/acknowledgements',
    async ({ db, caller, actor, readBody, audit }) => {
      const form = isFormPost(request);
      const body = await readBody();
      const [input] = parseRequest(ZAcknowledgement, form ? formToJson(body) : body);
      await requireServiceAccess(db, caller, [input!.service]);
      const row = await acknowledgeCheck({
        db,
        service: input!.service,
        checkId: input!.check,
        note: input!.note,
        actor,
      });
      audit({
        action: 'check.acknowledge',
        target: `${row.service}/${row.checkId}`,
        detail: { id: row.id, note: row.note },
      });
      return form ? seeOther(`${servicePath(row.service)}?acknowledged=${encodeURIComponent(row.checkId)}`) : row;
    },
    { status: 201, access: { role: 'owner', scope: 'admin' } },
  );
}

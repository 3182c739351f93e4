import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { formToJson, isFormPost, seeOther } from '@/lib/http/read-form-or-json';
import { decideExemption } from '@/lib/scorecard/decide-exemption';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { ZExemptionDecision } from '@/lib/scorecard/request-schemas';

export const dynamic = 'force-dynamic';

/** The platform team approves or rejects a requested exemption: `{decision: approve|reject, note?}` (JSON or form). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleWriteRequest(
    request,
    '/api/exemptions/:id/decision',
    async ({ db, actor, readBody, audit }) => {
      const form = isFormPost(request);
      const body = await readBody();
      const [answer] = parseRequest(ZExemptionDecision, form ? formToJson(body) : body);
      const { id } = await params;
      const decided = await decideExemption({ db, id, decision: answer!.decision, actor, note: answer!.note });
      audit({ action: `exemption.${answer!.decision}`, target: `${decided.service}/${decided.checkId}`, detail: { id, note: answer!.note ?? null, expires: decided.expires } });
      return form ? seeOther('/exemptions') : decided;
    },
    { access: { role: 'platform', scope: 'admin' } },
  );
}

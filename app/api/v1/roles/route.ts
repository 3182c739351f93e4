import { grantRole } from '@/lib/auth/grant-role';
import { listRoleGrants } from '@/lib/auth/list-role-grants';
import { ZRoleGrantRequest } from '@/lib/auth/role-grant-request-schema';
import { describeActor } from '@/lib/auth/roles';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { parseRequest } from '@/lib/scorecard/parse-request';

export const dynamic = 'force-dynamic';

/** Every role grant in force (admins). */
export async function GET(request: Request) {
  return handleReadRequest(request, '/api/v1/roles', (db) => listRoleGrants(db), { role: 'admin' });
}

/** Grants `{subject, role, team?}` (admins); counts from the user's next sign-in, like `waymark role grant`. */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/v1/roles',
    async ({ db, caller, readBody, audit }) => {
      const [input] = parseRequest(ZRoleGrantRequest, await readBody());
      const grant = await grantRole({ db, ...input!, team: input!.team ?? null, grantedBy: describeActor(caller) });
      audit({
        action: 'role.grant',
        target: grant.subject,
        detail: { id: grant.id, role: grant.role, team: grant.team },
      });
      return grant;
    },
    { status: 201, access: { role: 'admin', scope: 'admin' } },
  );
}

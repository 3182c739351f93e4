import { createApiToken } from '@/lib/auth/create-api-token';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { ZTokenRequest } from '@/lib/auth/token-request-schema';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { handleWriteRequest } from '@/lib/http/handle-write-request';
import { parseRequest } from '@/lib/scorecard/parse-request';
import { DAY_MS } from '@/lib/format/time-units';

export const dynamic = 'force-dynamic';

/** Every token without its secret (platform and admin). */
export async function GET(request: Request) {
  return handleReadRequest(request, '/api/v1/tokens', (db) => listApiTokens(db), { role: 'platform' });
}

/** Creates a token `{name, scopes, expiresInDays?}`; the answer holds the token itself, this once. */
export async function POST(request: Request) {
  return handleWriteRequest(
    request,
    '/api/v1/tokens',
    async ({ db, caller, readBody, audit }) => {
      const [input] = parseRequest(ZTokenRequest, await readBody());
      const owner = caller.kind === 'session' ? caller.subject : caller.name;
      const expiresAt = input!.expiresInDays ? new Date(Date.now() + input!.expiresInDays * DAY_MS) : null;
      const created = await createApiToken(db, input!.name, { scopes: input!.scopes, owner, expiresAt });
      audit({ action: 'token.create', target: created.name, detail: { id: created.id, scopes: created.scopes, expiresAt } });
      return created;
    },
    { status: 201, access: { role: 'platform', scope: 'admin' } },
  );
}

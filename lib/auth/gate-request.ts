import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { getOidcSettings } from './get-auth-settings';
import { resolvePrincipal } from './resolve-principal';

// Reached without signing in: the sign-in routes themselves, the health check, the API's OpenAPI document (it
// describes the interface and holds no data), webhooks (each receiver checks its forge's signature) and the build's
// static files (no data in them).
const OPEN_PATHS = [/^\/auth\//, /^\/api\/health$/, /^\/api\/v1\/openapi\.json$/, /^\/api\/webhooks\//, /^\/_next\/static\//, /^\/favicon\.ico$/];

export type GateAnswer = { status: number; headers: Record<string, string>; body: string };

const isPageNavigation = (request: Request) =>
  (request.method === 'GET' || request.method === 'HEAD') && !request.headers.has('rsc') && (request.headers.get('accept') ?? '').includes('text/html');

/**
 * Without sign-in but with `server.requireReadToken`, pages hold the same data as the read APIs, so they need a token
 * too: a browser cannot send one, so they answer 401 and say that sign-in is what opens pages to people. API routes
 * check their token themselves (authorize-request.ts).
 */
const gateReadToken = async ({ db, config, request }: { db: Executor; config: Config; request: Request }) => {
  if (!config.server.requireReadToken) return null;
  const url = new URL(request.url);
  if (url.pathname.startsWith('/api/') || OPEN_PATHS.some((path) => path.test(url.pathname))) return null;
  if (request.headers.has('authorization') && (await resolvePrincipal(db, config, request))?.kind === 'token') return null;
  const body = JSON.stringify({
    error:
      'This server requires a token to read (server.requireReadToken): send Authorization: Bearer <token>. ' +
      'To open the pages to people, configure sign-in (auth.oidc).',
    code: 'UNAUTHORIZED',
  });
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store', 'www-authenticate': 'Bearer realm="waymark"' };
  return { status: 401, headers, body } satisfies GateAnswer;
};

/**
 * The one gate in front of every page, RSC payload and API route when sign-in is configured: without a session or
 * a valid token a page navigation goes to sign-in and anything else gets 401. Roles are checked behind it, by the
 * handlers and pages themselves. Null: let the request through.
 */
export const gateRequest = async ({ db, config, request }: { db: Executor; config: Config; request: Request }): Promise<GateAnswer | null> => {
  if (!getOidcSettings(config)) return gateReadToken({ db, config, request });
  const url = new URL(request.url);
  if (OPEN_PATHS.some((path) => path.test(url.pathname))) return null;
  if (await resolvePrincipal(db, config, request)) return null;
  if (isPageNavigation(request)) {
    const location = `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`;
    return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
  }
  const body = JSON.stringify({ error: 'Sign in (/auth/sign-in) or send a valid API token: Authorization: Bearer <token>', code: 'UNAUTHORIZED' });
  return { status: 401, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'www-authenticate': 'Bearer realm="waymark"' }, body };
};

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
 * The one gate in front of every page, RSC payload and API route when sign-in is configured: without a session or
 * a valid token a page navigation goes to sign-in and anything else gets 401. Roles are checked behind it, by the
 * handlers and pages themselves. Null: let the request through.
 */
export const gateRequest = async ({ db, config, request }: { db: Executor; config: Config; request: Request }): Promise<GateAnswer | null> => {
  if (!getOidcSettings(config)) return null;
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

import { getOidcSettings } from '../auth/get-auth-settings';
import { isSameOriginRequest, resolvePrincipal } from '../auth/resolve-principal';
import { hasRole, type Principal, type Role, type TokenScope } from '../auth/roles';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { jsonResponse } from './json-response';

/** What a write needs: a signed-in user (or the local user) with `role`, or an API token with `scope`. */
export type WriteAccess = { role: Role; scope: TokenScope };

const unauthorized = (signIn: boolean) =>
  jsonResponse(
    {
      error: signIn
        ? 'Sign in (/auth/sign-in) or send a valid API token: Authorization: Bearer <token>'
        : 'A valid API token is required: Authorization: Bearer <token> (create one with `npx waymark token create <name>`)',
      code: 'UNAUTHORIZED',
    },
    401,
    { 'www-authenticate': 'Bearer realm="waymark"' },
  );

const forbidden = (error: string) => jsonResponse({ error, code: 'FORBIDDEN' }, 403);

// Reads by token need `read`; the platform's reads (the audit log) need `admin`.
const scopeForRead = (role: Role): TokenScope => (role === 'viewer' || role === 'owner' ? 'read' : 'admin');

const checkPrincipal = (principal: Principal, role: Role, scope: TokenScope) => {
  if (principal.kind === 'token') return principal.scopes.includes(scope) ? null : forbidden(`This token lacks the ${scope} scope`);
  return hasRole(principal, role) ? null : forbidden(`This needs the ${role} role`);
};

/**
 * Every write endpoint starts here: the caller, or a Response (401, 403) to return at once. Cookie-authenticated
 * (and anonymous local) writes must come from this site's own pages (CSRF); without sign-in configured, a request
 * that is not from a page needs a token, as API clients always have.
 */
export const authorizeWrite = async (db: Executor, config: Config, request: Request, { role, scope }: WriteAccess): Promise<Principal | Response> => {
  const signIn = getOidcSettings(config) !== null;
  const fromPage = request.headers.has('origin') || request.headers.has('sec-fetch-site');
  if (!signIn && !request.headers.has('authorization') && !fromPage) return unauthorized(false);
  const principal = await resolvePrincipal(db, config, request);
  if (!principal) return unauthorized(signIn);
  if (principal.kind !== 'token' && !isSameOriginRequest(config, request)) return forbidden('Cross-site request refused');
  return checkPrincipal(principal, role, scope) ?? principal;
};

/**
 * Every read endpoint starts here. With sign-in configured reads need a session or a token with the read scope;
 * without, they are open unless server.requireReadToken is on.
 */
export const authorizeRead = async (db: Executor, config: Config, request: Request, role: Role): Promise<Principal | Response> => {
  const signIn = getOidcSettings(config) !== null;
  if (!signIn && config.server.requireReadToken && !request.headers.has('authorization')) return unauthorized(false);
  const principal = await resolvePrincipal(db, config, request);
  if (!principal) return unauthorized(signIn);
  return checkPrincipal(principal, role, scopeForRead(role)) ?? principal;
};

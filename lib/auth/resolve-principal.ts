import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { getOidcSettings } from './get-auth-settings';
import type { Principal } from './roles';
import { isSecureOrigin, readCookie, sessionCookieName } from './session-cookie';
import { verifyApiToken } from './verify-api-token';
import { verifySession } from './verify-session';

/**
 * The origin the request was sent to, from its Host header: Next builds `request.url` from the name the server
 * was started with (`localhost`), so a browser at http://127.0.0.1:3000 would otherwise look cross-site to itself.
 * A cross-site page cannot choose the Host its visitor's browser sends, so comparing Origin with it stays a CSRF check.
 */
const readRequestOrigin = (request: Request) => {
  const url = new URL(request.url);
  const host = request.headers.get('host');
  if (!host) return url.origin;
  try {
    return new URL(`${url.protocol}//${host}`).origin;
  } catch {
    return url.origin;
  }
};

/** The origin users reach Waymark at: server.publicUrl, else the one the request was sent to. */
export const getPublicOrigin = (config: Config, request: Request) =>
  config.server.publicUrl ? new URL(config.server.publicUrl).origin : readRequestOrigin(request);

/** The session cookie's value in a request, under the name this origin uses. */
export const readSessionCookie = (config: Config, request: Request) =>
  readCookie(request.headers.get('cookie'), sessionCookieName(isSecureOrigin(getPublicOrigin(config, request))));

/**
 * Who is asking: the API token of an Authorization header (a bad token is refused, never treated as no token),
 * else the signed-in session, else, with no sign-in configured, the local user. Null: not authenticated.
 */
export const resolvePrincipal = async (db: Executor, config: Config, request: Request): Promise<Principal | null> => {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const token = await verifyApiToken(db, authorization);
    return token ? { kind: 'token', ...token } : null;
  }
  if (!getOidcSettings(config)) return { kind: 'local', name: 'local', roles: [config.server.allowAnonymous ? 'viewer' : 'admin'] };
  return verifySession({ db, config, value: readSessionCookie(config, request) });
};

/**
 * CSRF: a write authenticated by a cookie (or, without sign-in, by nothing) must come from a page of this site:
 * its Origin header (or, when a browser sends none, Sec-Fetch-Site) says so. A cross-site form post is refused.
 */
export const isSameOriginRequest = (config: Config, request: Request) => {
  const origin = request.headers.get('origin');
  if (origin) return origin === getPublicOrigin(config, request);
  return request.headers.get('sec-fetch-site') === 'same-origin';
};

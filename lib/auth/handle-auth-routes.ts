import * as oidc from 'openid-client';
import { recordAudit } from '../audit/record-audit';
import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { errorResponse } from '../http/json-response';
import { PEER_ADDRESS_HEADER } from '../http/handle-write-request';
import { endSession } from './end-session';
import { finishSignIn } from './finish-sign-in';
import { getOidcSettings } from './get-auth-settings';
import { getOidcClient } from './get-oidc-client';
import { getPublicOrigin, isSameOriginRequest, readSessionCookie } from './resolve-principal';
import { describeRole } from './roles';
import { isSecureOrigin, readCookie, serializeCookie, sessionCookieName, SIGN_IN_COOKIE } from './session-cookie';
import { startSignIn, toSafeReturnPath } from './start-sign-in';

const requireSettings = () => {
  const settings = getOidcSettings(getConfig());
  if (!settings) throw new AppError('NOT_FOUND', 'Sign-in is not configured (auth.oidc.issuer and auth.oidc.clientId)');
  return settings;
};

const redirect = (location: string, cookies: string[], status = 302) => {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status, headers });
};

const context = (request: Request) => {
  const config = getConfig();
  const origin = getPublicOrigin(config, request);
  return { config, origin, secure: isSecureOrigin(origin) };
};

/** GET /auth/sign-in?returnTo=/path: to the identity provider, with a sign-in cookie naming this attempt. */
export const handleSignIn = async (request: Request) => {
  try {
    const settings = requireSettings();
    const { origin, secure } = context(request);
    const returnTo = toSafeReturnPath(new URL(request.url).searchParams.get('returnTo'));
    const { url, attempt } = await startSignIn({
      db: await getDb(),
      settings,
      redirectUri: `${origin}/auth/callback`,
      returnTo,
    });
    return redirect(url, [serializeCookie(SIGN_IN_COOKIE, attempt, { secure, maxAgeSeconds: 600, path: '/auth' })]);
  } catch (error) {
    return errorResponse(error);
  }
};

/** GET /auth/callback: the provider's answer; a new session cookie and back where the user started. */
export const handleCallback = async (request: Request) => {
  try {
    const settings = requireSettings();
    const { config, origin, secure } = context(request);
    const db = await getDb();
    // The redirect URI as registered, with the provider's query: the token request must name the same URI.
    const callbackUrl = new URL(`${origin}/auth/callback${new URL(request.url).search}`);
    const attempt = readCookie(request.headers.get('cookie'), SIGN_IN_COOKIE);
    const { session, user, returnTo } = await finishSignIn({
      db,
      config,
      settings,
      callbackUrl,
      attempt,
      previous: readSessionCookie(config, request),
    });
    const role = describeRole({
      kind: 'session',
      sessionId: '',
      subject: user.subject,
      name: user.name,
      roles: user.roles,
      teams: user.teams,
    });
    await recordAudit(db, {
      actor: user.email ?? user.name,
      actorRole: role,
      action: 'auth.sign-in',
      target: user.subject,
      detail: { roles: user.roles, teams: user.teams },
      address: request.headers.get(PEER_ADDRESS_HEADER),
    });
    const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
    return redirect(returnTo, [
      serializeCookie(sessionCookieName(secure), session.value, { secure, maxAgeSeconds }),
      serializeCookie(SIGN_IN_COOKIE, '', { secure, maxAgeSeconds: 0, path: '/auth' }),
    ]);
  } catch (error) {
    return errorResponse(error);
  }
};

/**
 * Where the browser goes once signed out: home, or with `auth.oidc.signOutAtProvider` the provider's
 * end_session_endpoint (RP-Initiated Logout 1.0: client_id stands in for the id_token_hint Waymark does not keep),
 * which sends it back home. A provider that advertises no such endpoint leaves it home.
 */
const resolveSignedOutLocation = async (origin: string) => {
  const settings = getOidcSettings(getConfig());
  if (!settings?.signOutAtProvider) return '/';
  const client = await getOidcClient(settings);
  if (!client.serverMetadata().end_session_endpoint) return '/';
  const url = oidc.buildEndSessionUrl(client, { client_id: settings.clientId, post_logout_redirect_uri: `${origin}/` });
  return url.href;
};

/** POST /auth/sign-out: ends the session server-side (its cookie is refused from now on) and clears the cookie. */
export const handleSignOut = async (request: Request) => {
  try {
    const { config, origin, secure } = context(request);
    if (!isSameOriginRequest(config, request)) throw new AppError('FORBIDDEN', 'Cross-site request refused');
    const value = readSessionCookie(config, request);
    const db = await getDb();
    const ended = value ? await endSession({ db, value }) : null;
    if (ended)
      await recordAudit(db, {
        actor: ended.email ?? ended.subject,
        actorRole: describeRole({ kind: 'local', name: 'local', roles: ended.roles }),
        action: 'auth.sign-out',
        target: ended.subject,
        address: request.headers.get(PEER_ADDRESS_HEADER),
      });
    const location = await resolveSignedOutLocation(origin);
    return redirect(location, [serializeCookie(sessionCookieName(secure), '', { secure, maxAgeSeconds: 0 })], 303);
  } catch (error) {
    return errorResponse(error);
  }
};

import * as oidc from 'openid-client';
import type { Executor } from '../db/client';
import { signInAttempts } from '../db/schema';
import type { OidcSettings } from './get-auth-settings';
import { getOidcClient } from './get-oidc-client';
import { generateCookieValue, hashCookieValue } from './session-cookie';

/** Only a path on this site may be returned to after sign-in (no `//host`, no scheme): no open redirect. */
export const toSafeReturnPath = (value: string | null) => (value && /^\/(?![/\\])/.test(value) ? value : '/');

/**
 * Starts the authorization code flow: fresh state, nonce and PKCE verifier, kept server-side under a random id that
 * goes into a short-lived cookie; answers the provider's authorization URL to redirect to.
 */
export const startSignIn = async ({ db, settings, redirectUri, returnTo }: { db: Executor; settings: OidcSettings; redirectUri: string; returnTo: string }) => {
  const client = await getOidcClient(settings);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const attempt = generateCookieValue();
  await db.insert(signInAttempts).values({ id: hashCookieValue(attempt), state, nonce, codeVerifier, returnTo });
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: redirectUri,
    scope: settings.scopes.join(' '),
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, attempt };
};

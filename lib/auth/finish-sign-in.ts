import { eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { signInAttempts } from '../db/schema';
import { AppError } from '../errors';
import { computeRoles } from './compute-roles';
import { createSession } from './create-session';
import type { OidcSettings } from './get-auth-settings';
import { getOidcClient } from './get-oidc-client';
import { hashCookieValue } from './session-cookie';

const ATTEMPT_MAX_AGE_MS = 10 * 60_000;

const refuse = (reason: string) => new AppError('UNAUTHORIZED', `Sign-in refused: ${reason}. Sign in again.`);

// The library's error says what kind of check failed; its cause says which one (the "aud" claim, the signature).
const describeFailure = (error: unknown) => {
  const cause = (error as Error).cause;
  return (cause instanceof Error ? cause.message : (error as Error).message).replace(/\.$/, '');
};

const readGroups = (claims: Record<string, unknown>, claim: string) => {
  const value = claims[claim];
  return Array.isArray(value) ? value.filter((group): group is string => typeof group === 'string') : [];
};

export type FinishSignInOptions = {
  db: Executor;
  config: Config;
  settings: OidcSettings;
  /** The redirect URI with the query the provider sent back (code, state, or an error). */
  callbackUrl: URL;
  /** The sign-in cookie's value: which attempt this is. */
  attempt: string | null;
  /** The session cookie the browser already had, ended on success. */
  previous: string | null;
  now?: Date;
};

/**
 * Finishes the authorization code flow: the attempt is taken (deleted) first, so a replayed callback finds nothing;
 * the library exchanges the code with the PKCE verifier and validates the ID token (signature by the provider's JWKS,
 * issuer, audience, expiry, nonce) and the state. Then a new session with the roles of the user's groups.
 */
export const finishSignIn = async ({ db, config, settings, callbackUrl, attempt, previous, now = new Date() }: FinishSignInOptions) => {
  if (!attempt) throw refuse('no sign-in is under way in this browser (the sign-in cookie is missing or expired)');
  const [row] = await db.delete(signInAttempts).where(eq(signInAttempts.id, hashCookieValue(attempt))).returning();
  if (!row) throw refuse('this sign-in was already used or never started');
  if (now.getTime() - row.createdAt.getTime() > ATTEMPT_MAX_AGE_MS) throw refuse('the sign-in took longer than 10 minutes');
  const providerError = callbackUrl.searchParams.get('error');
  if (providerError) throw refuse(`the identity provider answered ${providerError}`);
  const client = await getOidcClient(settings);
  let claims: oidc.IDToken;
  try {
    const tokens = await oidc.authorizationCodeGrant(client, callbackUrl, {
      pkceCodeVerifier: row.codeVerifier,
      expectedState: row.state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
  } catch (error) {
    throw refuse(describeFailure(error));
  }
  const groups = readGroups(claims, settings.groupsClaim);
  const { roles, teams } = await computeRoles({ db, config, subject: claims.sub, groups });
  const email = typeof claims.email === 'string' ? claims.email : null;
  const name = typeof claims.name === 'string' ? claims.name : (email ?? claims.sub);
  const user = { subject: claims.sub, name, email, groups, roles, teams };
  const session = await createSession({ db, config, user, previous, now });
  return { session, user, returnTo: row.returnTo };
};

import * as oidc from 'openid-client';
import { AppError } from '../errors';
import type { OidcSettings } from './get-auth-settings';

const globalForOidc = globalThis as unknown as { waymarkOidc?: Map<string, Promise<oidc.Configuration>> };

// Plain http is refused by the library except for an issuer on this machine (a development or test provider).
const isLocalHttp = (issuer: URL) => issuer.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(issuer.hostname);

/**
 * The provider's configuration from its discovery document, fetched once per issuer and client. A failed discovery
 * is not kept, so the next sign-in tries again.
 */
export const getOidcClient = (settings: OidcSettings): Promise<oidc.Configuration> => {
  const cache = (globalForOidc.waymarkOidc ??= new Map());
  const key = `${settings.issuer} ${settings.clientId}`;
  let client = cache.get(key);
  if (!client) {
    const issuer = new URL(settings.issuer);
    const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
    // Non-repudiation checks: the ID token's signature is verified with the provider's JWKS, not only trusted for
    // having come over TLS from the token endpoint (the library's default, which OIDC Core allows).
    const execute = [oidc.enableNonRepudiationChecks, ...(isLocalHttp(issuer) ? [oidc.allowInsecureRequests] : [])];
    client = oidc
      .discovery(issuer, settings.clientId, undefined, auth, { execute })
      .catch((error: unknown) => {
        cache.delete(key);
        throw new AppError('UNAVAILABLE', `The identity provider ${settings.issuer} could not be reached: ${(error as Error).message}`);
      });
    cache.set(key, client);
  }
  return client;
};

/** Forget discovered providers (tests start a new provider per suite). */
export const resetOidcClients = () => globalForOidc.waymarkOidc?.clear();

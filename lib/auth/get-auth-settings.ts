import type { Config } from '../config/config-schema';

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string[];
  groupsClaim: string;
  signOutAtProvider: boolean;
};

/** The sign-in settings, or null when sign-in is not configured (anonymous mode). */
export const getOidcSettings = (config: Config): OidcSettings | null => {
  const { issuer, clientId, clientSecret, scopes, groupsClaim, signOutAtProvider } = config.auth.oidc;
  if (!issuer || !clientId) return null;
  return { issuer, clientId, clientSecret, scopes, groupsClaim, signOutAtProvider };
};

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

/** Whether an address is reachable from this machine only. */
export const isLoopback = (host: string) => LOOPBACK.test(host);

/**
 * The address the server listens on: as configured, else every address when sign-in is configured and 127.0.0.1
 * when not. Without sign-in, any other address needs server.allowAnonymous: the dashboard would be open to all.
 */
export const resolveListenHost = (config: Config): { host: string; open: boolean } => {
  const signIn = getOidcSettings(config) !== null;
  const host = config.server.host ?? (signIn ? '0.0.0.0' : '127.0.0.1');
  return { host, open: !signIn && !isLoopback(host) };
};

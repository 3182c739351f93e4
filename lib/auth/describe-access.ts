import type { Config } from '../config/config-schema';
import { getOidcSettings } from './get-auth-settings';

/** The start-up line that says who can reach the dashboard and as what. */
export const describeAccess = (config: Config, host: string, open: boolean) => {
  const settings = getOidcSettings(config);
  if (settings) return `Sign-in: OpenID Connect with ${settings.issuer}; every page and API needs a session or a token.`;
  if (open) return `WARNING: no sign-in is configured and the server listens on ${host}: the dashboard is open to everyone who reaches it (server.allowAnonymous); writes need a token.`;
  return `No sign-in configured: listening on ${host} only, where the local user is admin (configure auth.oidc to serve others).`;
};

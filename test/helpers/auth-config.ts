import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { resetConfig } from '../../lib/config/load-config';
import { resetOidcClients } from '../../lib/auth/get-oidc-client';

export const TEST_CLIENT = { clientId: 'waymark-test', clientSecret: 'test-client-secret-value', redirectUri: 'http://localhost/auth/callback' };

/** Groups of the test users: platform team, the payments team's owners, and readers. */
export const TEST_ROLES = { admin: ['wm-admins'], platform: ['wm-platform'], owners: { 'team-payments': 'payments' } };

/** Points the configuration at a waymark.yaml with sign-in against `issuer` (and anything else given). */
export const useAuthConfig = (issuer: string | null, extra: Record<string, unknown> = {}) => {
  const folder = mkdtempSync(join(tmpdir(), 'waymark-auth-'));
  const file = join(folder, 'waymark.yaml');
  const auth = issuer
    ? { oidc: { issuer, clientId: TEST_CLIENT.clientId, scopes: ['openid', 'email', 'profile', 'groups'] }, roles: TEST_ROLES, ...(extra.auth as object) }
    : (extra.auth ?? {});
  writeFileSync(file, stringify({ ...extra, auth }));
  process.env.WAYMARK_CONFIG = file;
  if (issuer) process.env.WAYMARK_OIDC_CLIENT_SECRET = TEST_CLIENT.clientSecret;
  resetConfig();
  resetOidcClients();
};

export const clearAuthConfig = () => {
  delete process.env.WAYMARK_CONFIG;
  delete process.env.WAYMARK_OIDC_CLIENT_SECRET;
  resetConfig();
  resetOidcClients();
};

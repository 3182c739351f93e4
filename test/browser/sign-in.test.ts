import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { describeInBrowser } from './helpers/browser-session';
import { ARTIFACTS, ROOT } from './helpers/paths';
import { findFreePort, startServer, type RunningServer } from './helpers/start-server';

const CLIENT = { clientId: 'waymark-browser', clientSecret: 'browser-test-secret' };

describeInBrowser('sign-in through an OpenID provider', (session) => {
  let provider: TestProvider;
  let server: RunningServer;
  let work: string;
  let appUrl: string;

  // A second server of its own, with sign-in on, against a real provider (oidc-provider) on another local port.
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'waymark-sign-in-'));
    provider = await startTestProvider({ accounts: { ana: ['platform-team'] }, ...CLIENT, redirectUri: () => `${appUrl}/auth/callback` });
    // The next free port is the one startServer takes; the public URL (redirect URI, CSRF origin) must name it.
    appUrl = `http://127.0.0.1:${await findFreePort()}`;
    const config = join(work, 'waymark.yaml');
    const auth = { oidc: { issuer: provider.issuer, clientId: CLIENT.clientId, scopes: ['openid', 'email', 'profile', 'groups'] }, roles: { platform: ['platform-team'] } };
    writeFileSync(config, stringify({ auth, server: { publicUrl: appUrl } }));
    const env = { WAYMARK_CONFIG: config, WAYMARK_OIDC_CLIENT_SECRET: CLIENT.clientSecret };
    server = await startServer({ root: ROOT, dataDir: join(work, 'data'), logDir: ARTIFACTS, logName: 'sign-in-server.log', env });
    expect(server.url).toBe(appUrl);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('sends a visitor to the provider\'s login page, back signed in, and signing out ends the session', async () => {
    const page = await session().open(`${appUrl}/audit`, { absolute: true });
    expect(page.url()).toContain(`${provider.issuer}/interaction/`);
    await page.fill('input[name="login"]', 'ana');
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.click('button[type="submit"]'); // the consent page
    await page.waitForURL(`${appUrl}/audit`);
    await expect(page.locator('[data-testid="account"]').textContent()).resolves.toMatch(/ana@example\.com.*\(platform\)/);
    await expect(page.locator('[data-testid="audit-table"]').textContent()).resolves.toContain('auth.sign-in');

    const cookie = (await page.context().cookies(appUrl)).find((entry) => entry.name === 'waymark-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const withCookie = () => fetch(`${appUrl}/api/scorecards`, { headers: { cookie: `waymark-session=${cookie.value}` } });
    expect((await withCookie()).status).toBe(200);
    await page.click('[data-testid="account"] button');
    // Back at the home page: through sign-in again, which the provider (still signed in itself) answers at once.
    await page.waitForURL(`${appUrl}/`);
    expect((await withCookie()).status).toBe(401);
    const after = (await page.context().cookies(appUrl)).find((entry) => entry.name === 'waymark-session');
    expect(after?.value).not.toBe(cookie.value);
    await page.close();
  });
});

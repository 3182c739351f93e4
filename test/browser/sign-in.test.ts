import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Page } from 'playwright-core';
import { DEMO_SERVICES } from '../../ingest/demo/demo-organization';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { runCli } from '../helpers/run-cli';
import { describeInBrowser } from './helpers/browser-session';
import { ARTIFACTS, ROOT } from './helpers/paths';
import { findFreePort, startServer, type RunningServer } from './helpers/start-server';
import { DEMO_SEED } from './helpers/suite-constants';

const CLIENT = { clientId: 'waymark-browser', clientSecret: 'browser-test-secret' };
// A demo service whose `codeowners` check fails, its team, and a service of another team.
const FAILING = DEMO_SERVICES.find((service) => service.standards.codeowners === false && !service.quirk)!;
const OTHER = DEMO_SERVICES.find((service) => service.team !== FAILING.team && service.standards.codeowners === false && !service.quirk)!;
const ACCOUNTS = { ana: ['platform-team'], olli: ['owners-of-failing'], vic: [] };

/** Signs in through the provider's own login and consent pages, starting from `path`; the page ends on `path`. */
const signInThrough = async (page: Page, appUrl: string, path: string, login: string) => {
  await page.context().clearCookies();
  await page.goto(`${appUrl}${path}`);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/interaction\//);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${appUrl}${path}`);
};

describeInBrowser('sign-in through an OpenID provider', (session) => {
  let provider: TestProvider;
  let server: RunningServer;
  let work: string;
  let appUrl: string;

  // A second server of its own, with sign-in on, against a real provider (oidc-provider) on another local port.
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'waymark-sign-in-'));
    provider = await startTestProvider({ accounts: ACCOUNTS, ...CLIENT, redirectUri: () => `${appUrl}/auth/callback` });
    // The next free port is the one startServer takes; the public URL (redirect URI, CSRF origin) must name it.
    appUrl = `http://127.0.0.1:${await findFreePort()}`;
    const config = join(work, 'waymark.yaml');
    const roles = { platform: ['platform-team'], owners: { 'owners-of-failing': FAILING.team } };
    const auth = { oidc: { issuer: provider.issuer, clientId: CLIENT.clientId, scopes: ['openid', 'email', 'profile', 'groups'] }, roles };
    writeFileSync(config, stringify({ auth, server: { publicUrl: appUrl } }));
    const env = { WAYMARK_CONFIG: config, WAYMARK_OIDC_CLIENT_SECRET: CLIENT.clientSecret };
    for (const args of [['migrate'], ['demo', '--seed', String(DEMO_SEED)]]) {
      const result = await runCli(args, { env: { WAYMARK_DATA_DIR: join(work, 'data'), WAYMARK_DEMO: 'off' }, cwd: ROOT });
      if (result.code !== 0) throw new Error(`waymark ${args.join(' ')} failed:\n${result.stderr}`);
    }
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
    const withCookie = () => fetch(`${appUrl}/api/v1/scorecards`, { headers: { cookie: `waymark-session=${cookie.value}` } });
    expect((await withCookie()).status).toBe(200);
    await page.click('[data-testid="account"] button');
    // Back at the home page: through sign-in again, which the provider (still signed in itself) answers at once.
    await page.waitForURL(`${appUrl}/`);
    expect((await withCookie()).status).toBe(401);
    const after = (await page.context().cookies(appUrl)).find((entry) => entry.name === 'waymark-session');
    expect(after?.value).not.toBe(cookie.value);
    await page.close();
  });

  it('a viewer cannot request an exemption, an owner can for their service only, and a platform user approves it', async () => {
    const page = await session().open(`${appUrl}/`, { absolute: true });
    const form = page.locator('[data-testid="request-exemption-codeowners"]');
    const check = page.locator('[data-check="codeowners"]');

    await signInThrough(page, appUrl, `/services/${FAILING.name}`, 'vic');
    await expect(check.getAttribute('data-status')).resolves.toBe('fail');
    await expect(form.count()).resolves.toBe(0);
    const vicCookie = (await page.context().cookies(appUrl)).find((entry) => entry.name === 'waymark-session')!.value;
    const direct = await fetch(`${appUrl}/api/exemptions/requests`, {
      method: 'POST',
      headers: { cookie: `waymark-session=${vicCookie}`, origin: appUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ service: FAILING.name, check: 'codeowners', reason: 'x', expires: new Date(Date.now() + 86_400_000 * 5).toISOString().slice(0, 10) }),
    });
    expect(direct.status).toBe(403);

    await signInThrough(page, appUrl, `/services/${OTHER.name}`, 'olli');
    await expect(form.count()).resolves.toBe(0);
    await signInThrough(page, appUrl, `/services/${FAILING.name}`, 'olli');
    await page.locator('[data-check="codeowners"] summary', { hasText: 'Request an exemption' }).click();
    await form.locator('input[name="reason"]').fill('CODEOWNERS comes with the team split');
    await form.locator('input[name="expires"]').fill(new Date(Date.now() + 86_400_000 * 20).toISOString().slice(0, 10));
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/requested=codeowners/);
    await expect(page.locator('[data-testid="requested-codeowners"]').textContent()).resolves.toContain('olli@example.com');
    await expect(check.getAttribute('data-status')).resolves.toBe('fail');

    await signInThrough(page, appUrl, '/exemptions', 'ana');
    await page.locator('[data-testid="exemption-requests"] button[value="approve"]').click();
    await page.waitForURL(`${appUrl}/exemptions`);
    await page.goto(`${appUrl}/services/${FAILING.name}`);
    await expect(check.getAttribute('data-status')).resolves.toBe('exempt');
    await page.close();
  });
});

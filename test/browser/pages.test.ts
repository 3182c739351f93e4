import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';
import { PAGES } from './helpers/pages';

describeInBrowser('every page', (session) => {
  for (const [name, path, heading] of PAGES) {
    it(`${path} renders its heading and widgets with no console error or outside request`, async () => {
      const page = await session().open(path, { screenshot: name });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
      // No widget fell back to its error state.
      expect(await page.getByText('could not be loaded').count()).toBe(0);
      await page.close();
      expect(session().consoleErrors()).toEqual([]);
      expect(session().blockedRequests()).toEqual([]);
    });
  }

  it('shows the demo banner while the demo organization is loaded', async () => {
    const page = await session().open('/teams');
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toMatch(
      /Demo data.*acme.*seed 7.*npx waymark demo --reset/,
    );
    await page.close();
  });

  it("runs only the scripts carrying the answer's nonce, and an injected one not at all", async () => {
    const page = await session().open('/services');
    const response = await page.request.get(`${session().baseUrl}/services`);
    const policies = (await response.headersArray()).filter(
      (header) => header.name.toLowerCase() === 'content-security-policy',
    );
    expect(policies).toHaveLength(1);
    const policy = policies[0]!.value;
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).toContain("'strict-dynamic'");
    // Every script Next wrote into the page carries the nonce (the browser hides it from getAttribute, not .nonce).
    const nonces = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces).size).toBe(1);
    expect(nonces[0]).not.toBe(nonce); // a new nonce per answer: the page's differs from the second request's
    // Injected markup's inline handler (the usual XSS) does not run, and the page still works (client navigation).
    const ran = await page.evaluate(async () => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__injected = true">';
      document.body.append(holder);
      await new Promise((done) => setTimeout(done, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await page.getByRole('link', { name: 'Teams', exact: true }).first().click();
    await page.waitForURL(/\/teams$/);
    await page.close();
    // The refusal is the one console error, and it is the policy's.
    const errors = session().consoleErrors();
    expect(errors.every((error) => error.includes('Content Security Policy'))).toBe(true);
    session().clearConsoleErrors();
  });

  it('renders in dark mode too', async () => {
    const page = await session().open('/', { screenshot: 'overview-dark', colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(15, 18, 22)');
    await page.close();
  });

  it('answers an unknown service and an unknown team with a not-found page', async () => {
    for (const [path, text] of [
      ['/services/no-such-service', 'Service not found'],
      ['/teams/no-such-team', 'Team not found'],
      ['/no/such/page', 'Page not found'],
    ]) {
      const page = await session().open(path!, { screenshot: `not-found-${path!.split('/')[1]}` });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(text);
      await page.close();
    }
  });
});

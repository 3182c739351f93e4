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
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toMatch(/Demo data.*acme.*seed 7.*npx waymark demo --reset/);
    await page.close();
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

import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';

describeInBrowser('keyboard navigation', (session) => {
  it('reaches the skip link first, then the main navigation, and marks the current page', async () => {
    const page = await session().open('/services');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Tab on until focus enters the main navigation.
    let inNav = false;
    for (let step = 0; step < 5 && !inNav; step++) {
      await page.keyboard.press('Tab');
      inNav = await page.evaluate(() => Boolean(document.activeElement?.closest('nav[aria-label="Main"]')));
    }
    expect(inNav).toBe(true);
    const current = page.locator('nav[aria-label="Main"] [aria-current="page"]');
    await expect(current.textContent()).resolves.toBe('Services');
    await page.close();
  });

  it('moves focus to the main content with the skip link', async () => {
    const page = await session().open('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('follows every link of the main navigation to a page with its own heading', async () => {
    const page = await session().open('/');
    const links = await page.locator('nav[aria-label="Main"] a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const href of links) {
      const response = await page.request.get(`${session().baseUrl}${href}`);
      expect(response.status(), href).toBe(200);
    }
    await page.close();
  });
});

import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';
import { findAxeViolations, measureOverflow } from './helpers/check-page';
import { PAGES } from './helpers/pages';

const PHONE = { width: 390, height: 844 };

describeInBrowser('accessible and responsive pages', (session) => {
  for (const [name, path] of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path}: axe-core finds no violation in ${colorScheme} mode`, async () => {
        const page = await session().open(path, { colorScheme });
        expect(await findAxeViolations(page), `${name} (${colorScheme})`).toEqual([]);
        await page.close();
      });
    }

    it(`${path}: a 390-pixel phone shows the page without sideways scrolling`, async () => {
      const page = await session().open(path);
      await page.setViewportSize(PHONE);
      const { scrollWidth, overflowing } = await measureOverflow(page, PHONE.width);
      expect(scrollWidth, `${name} at 390 px overflows: ${overflowing.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    });
  }

  it('shows the first figure on a phone without scrolling past the navigation', async () => {
    const page = await session().open('/');
    await page.setViewportSize(PHONE);
    const top = await page.locator('article[data-metric]').first().evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeLessThan(PHONE.height - 80);
    await page.close();
  });
});

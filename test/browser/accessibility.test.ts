import AxeBuilder from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';
import { PAGES } from './helpers/pages';

const PHONE = { width: 390, height: 844 };

describeInBrowser('accessible and responsive pages', (session) => {
  for (const [name, path] of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path}: axe-core finds no violation in ${colorScheme} mode`, async () => {
        const page = await session().open(path, { colorScheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        // One line per violated node, so a failure names the rule, the element and what axe measured.
        const found = violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`));
        expect(found, `${name} (${colorScheme})`).toEqual([]);
        await page.close();
      });
    }

    it(`${path}: a 390-pixel phone shows the page without sideways scrolling`, async () => {
      const page = await session().open(path);
      await page.setViewportSize(PHONE);
      // Chromium lays the page out again after a resize over a frame or two: measure once it has settled, so a
      // real overflow fails and a half-done relayout does not.
      await page.waitForFunction((width) => document.documentElement.scrollWidth <= width, PHONE.width, { timeout: 3_000 }).catch(() => {});
      const { scrollWidth, overflowing } = await page.evaluate((width) => {
        // What sticks out of the viewport (tables scroll inside their own box, so they do not count).
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('[data-scroll-box]'))
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
        return { scrollWidth: document.documentElement.scrollWidth, overflowing: wide };
      }, PHONE.width);
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

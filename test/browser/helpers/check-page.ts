import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core's violations on the page, one line per violated node: the rule, the element and what axe measured. */
export const findAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`));
};

/** The page's scroll width at a viewport width, and up to five elements sticking out (tables scroll in their box). */
export const measureOverflow = async (page: Page, width: number) => {
  // Chromium lays the page out again after a resize over a frame or two: measure once it has settled, so a real
  // overflow fails and a half-done relayout does not.
  await page.waitForFunction((viewport) => document.documentElement.scrollWidth <= viewport, width, { timeout: 3_000 }).catch(() => {});
  return page.evaluate((viewport) => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > viewport + 1 && !element.closest('[data-scroll-box]'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, overflowing: wide };
  }, width);
};

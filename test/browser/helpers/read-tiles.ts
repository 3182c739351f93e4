import type { Page } from 'playwright-core';

export type TilesOnPage = { from: string; to: string; values: Record<string, string> };

/** The DORA tiles of a page: the window they cover and each figure's text as shown (normalized spaces). */
export const readTiles = async (page: Page): Promise<TilesOnPage> => {
  const tiles = page.locator('[data-window-from]').first();
  const from = (await tiles.getAttribute('data-window-from'))!;
  const to = (await tiles.getAttribute('data-window-to'))!;
  const values: Record<string, string> = {};
  for (const tile of await tiles.locator('[data-metric]').all()) {
    const key = (await tile.getAttribute('data-metric'))!;
    const text = await tile.locator('[data-value]').evaluate((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return clone.textContent ?? '';
    });
    values[key] = text.replace(/\s+/g, ' ').trim();
  }
  return { from, to, values };
};

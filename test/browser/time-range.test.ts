import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';
import { readTiles } from './helpers/read-tiles';

describeInBrowser('time range: longer ranges, all time, custom dates and empty windows', (session) => {
  it('offers the last year, 2 years, all time and a custom from–to in the range control', async () => {
    const page = await session().open('/');
    const options = await page.locator('select[name="range"] option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Last year', 'Last 2 years', 'All time']));
    await expect(page.locator('input[type="date"][name="from"]').count()).resolves.toBe(1);
    await expect(page.locator('input[type="date"][name="to"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('a window with no deployment says when the deployments were and links to all time, which holds them', async () => {
    // The demo history lies in the last 180 days: a custom window in 2020 has none of it.
    const page = await session().open('/services/checkout-api?from=2020-01-01&to=2020-12-31', { screenshot: 'empty-window' });
    const tiles = await readTiles(page);
    expect([Date.parse(tiles.from), Date.parse(tiles.to)]).toEqual([Date.parse('2020-01-01T00:00:00Z'), Date.parse('2021-01-01T00:00:00Z')]);
    const note = page.locator('[data-empty-window]');
    await expect(note.textContent()).resolves.toMatch(/^No deployment in the 366 days of this period \(1 Jan 2020 – 31 Dec 2020\); the latest was on \d{1,2} \w{3} 20\d\d — show all time\.$/);
    await expect(note.locator('a').getAttribute('href')).resolves.toBe('/services/checkout-api?range=all');
    // Each empty trend chart says the same: its deployments all come after this window.
    const hints = page.locator('[data-outside-window]');
    await expect(hints.count()).resolves.toBe(5);
    await expect(hints.first().textContent()).resolves.toMatch(/^The first deployment was on \d{1,2} \w{3} 20\d\d\. Show all time$/);
    await expect(hints.first().locator('a').getAttribute('href')).resolves.toBe('/services/checkout-api?range=all');

    const all = await session().open('/services/checkout-api?range=all');
    const { from, to } = await readTiles(all);
    const api = await session().api<{ deploymentFrequency: { deployments: number } }>(`/api/v1/metrics?service=checkout-api&from=${from}&to=${to}`);
    expect(api.deploymentFrequency.deployments).toBeGreaterThan(0);
    await expect(all.locator('[data-empty-window]').count()).resolves.toBe(0);
    await expect(all.locator('[data-outside-window]').count()).resolves.toBe(0);
    await expect(all.locator('select[name="range"]').inputValue()).resolves.toBe('all');
    await all.close();
    await page.close();
  });

  it('a window of many years draws monthly charts of its last 110 months instead of failing', async () => {
    // 17 years: 880 weeks, 203 months; a series holds at most 110 buckets.
    const page = await session().open('/services/checkout-api?from=2010-01-01&to=2026-12-31');
    await expect(page.getByText('could not be loaded').count()).resolves.toBe(0);
    await expect(page.locator('[data-trend]').count()).resolves.toBe(5);
    await expect(page.getByText('Monthly, the last 110 months').count()).resolves.toBe(0);
    await expect(page.getByText(/^Monthly$/).count()).resolves.toBeGreaterThanOrEqual(5);
    await page.close();
  });
});

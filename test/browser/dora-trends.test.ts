import { expect, it } from 'vitest';
import { formatRate } from '../../lib/metrics/format-rate';
import type { DoraMetrics } from '../../lib/metrics/metrics-types';
import { describeInBrowser } from './helpers/browser-session';
import { readTiles } from './helpers/read-tiles';

describeInBrowser('DORA trends', (session) => {
  it('draws a chart per metric with tier bands, axis titles and a data table with sample counts', async () => {
    const page = await session().open('/dora', { screenshot: 'dora-trends' });
    for (const key of ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime', 'reworkRate']) {
      const trend = page.locator(`[data-trend="${key}"]`);
      await expect(trend.locator('svg.recharts-surface').count()).resolves.toBeGreaterThan(0);
      // The accessible alternative: one row per week, each with its samples.
      const rows = await trend.locator('table tbody tr').count();
      expect(rows).toBeGreaterThanOrEqual(13);
    }
    // Axis titles carry the unit.
    await expect(page.locator('[data-trend="leadTime"] .recharts-label').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^Lead time \((hours|days)\)$/)]));
    // Tier bands are named in the legend with their edition, not only coloured; only the bands the axis reaches.
    const legend = await page.locator('[data-trend="changeFailureRate"]').textContent();
    expect(legend).toMatch(/DORA 2023 elite band/);
    expect(legend).not.toMatch(/low band/);
    // A median says how many samples it is a median of.
    await expect(page.locator('[data-trend="leadTime"] table').textContent()).resolves.toMatch(/median of \d+ changes?/);
    await page.close();
  });

  it('applies filters through the URL as they change, and the figures follow', async () => {
    const page = await session().open('/dora');
    const before = await readTiles(page);
    await page.getByLabel('Team').selectOption('fulfillment');
    await page.getByLabel('Time range').selectOption('180d');
    await page.getByLabel('Granularity').selectOption('month');
    // Each choice applies as it changes: no Apply button.
    await expect(page.getByRole('button', { name: 'Apply' }).count()).resolves.toBe(0);
    await page.waitForURL((url) => url.searchParams.get('team') === 'fulfillment' && url.searchParams.get('bucket') === 'month');
    const url = new URL(page.url());
    expect(url.searchParams.get('range')).toBe('180d');
    expect(url.searchParams.get('bucket')).toBe('month');
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    await page.waitForFunction((from) => document.querySelector('[data-window-from]')?.getAttribute('data-window-from') !== from, before.from);
    const after = await readTiles(page);
    expect(after.values).not.toEqual(before.values);
    const api = await session().api<DoraMetrics>(`/api/v1/metrics?team=fulfillment&from=${after.from}&to=${after.to}`);
    expect(after.values.changeFailureRate).toBe(formatRate(api.changeFailureRate.rate));
    // Monthly buckets: 6 or 7 months in 180 days.
    const months = await page.locator('[data-trend="leadTime"] table tbody tr').count();
    expect(months).toBeGreaterThanOrEqual(6);
    expect(months).toBeLessThanOrEqual(8);
    // The shared address opens the same view.
    const shared = await session().open(`${url.pathname}${url.search}`);
    expect((await readTiles(shared)).values).toEqual(after.values);
    await shared.close();
    await page.close();
  });

  it('says so when the URL names a team nobody reported', async () => {
    const page = await session().open('/dora?team=ghosts');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('No team “ghosts” is known');
    await page.close();
  });
});

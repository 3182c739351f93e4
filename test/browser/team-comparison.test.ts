import { expect, it } from 'vitest';
import type { DoraSeries } from '../../lib/metrics/get-dora-series';
import { describeInBrowser } from './helpers/browser-session';

describeInBrowser('teams compared over time', (session) => {
  it('draws the chosen teams on shared axes, each week equal to that team alone', async () => {
    const page = await session().open('/teams/compare?teams=payments,growth', { screenshot: 'team-comparison' });
    const legend = page.locator('[data-compared-teams]');
    await expect(legend.locator('a').allTextContents()).resolves.toEqual(['payments', 'growth']);
    await expect(page.locator('[data-comparison]').count()).resolves.toBe(5);
    await expect(page.locator('input[name="teams"]:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))).resolves.toEqual([
      'growth',
      'payments',
    ]);
    const [from, to] = [await legend.getAttribute('data-window-from'), await legend.getAttribute('data-window-to')];
    const table = page.locator('[data-comparison="deploymentFrequency"] table');
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const [column, team] of ['payments', 'growth'].entries()) {
      const series = await session().api<DoraSeries>(`/api/v1/metrics/series?team=${team}&from=${from}&to=${to}&bucket=week`);
      expect(rows).toHaveLength(series.points.length);
      const counts = rows.map((cells) => Number(/\(([\d,]+) deployments?\)/.exec(cells[column]!)![1]!.replace(/,/g, '')));
      expect(counts).toEqual(series.points.map((point) => point.deploymentFrequency.deployments));
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1360);
    await page.close();
  });
});

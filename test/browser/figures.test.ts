import { expect, it } from 'vitest';
import { formatDeployFrequency } from '../../lib/metrics/format-deploy-frequency';
import { formatRate } from '../../lib/metrics/format-rate';
import { formatSeconds } from '../../lib/metrics/format-seconds';
import type { DoraMetrics } from '../../lib/metrics/metrics-types';
import { describeInBrowser } from './helpers/browser-session';
import { readTiles } from './helpers/read-tiles';

/** What each tile must show for an API answer: the API's figure, formatted for people. */
const expectedTiles = (metrics: DoraMetrics) => ({
  deploymentFrequency: formatDeployFrequency(metrics.deploymentFrequency.perDay),
  leadTime: formatSeconds(metrics.leadTime.p50Seconds),
  changeFailureRate: formatRate(metrics.changeFailureRate.rate),
  recoveryTime: formatSeconds(metrics.recoveryTime.p50Seconds),
  reworkRate: formatRate(metrics.reworkRate.rate),
});

describeInBrowser('figures match the metrics API', (session) => {
  for (const [path, query] of [
    ['/', ''],
    ['/?range=30d', ''],
    ['/dora?team=payments', 'team=payments'],
    ['/dora?service=search-service&range=180d', 'service=search-service'],
    ['/teams/platform', 'team=platform'],
    ['/services/checkout-api', 'service=checkout-api'],
  ] as const) {
    it(`${path} shows the figures /api/v1/metrics gives for the same scope and window`, async () => {
      const page = await session().open(path);
      const tiles = await readTiles(page);
      const api = await session().api<DoraMetrics>(`/api/v1/metrics?${query ? `${query}&` : ''}from=${tiles.from}&to=${tiles.to}`);
      expect(tiles.values).toEqual(expectedTiles(api));
      // The 2025 overall score shown is the API's too (grades against figures: editions.test.ts).
      await expect(page.locator('[data-score="overall"]').getAttribute('data-value')).resolves.toBe(String(api.overall ?? ''));
      await page.close();
    });
  }

  it('the default window is the configured 90 days, and 30d is 30 days', async () => {
    const page = await session().open('/');
    const { from, to } = await readTiles(page);
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(90);
    await page.close();
    const short = await session().open('/?range=30d');
    const window = await readTiles(short);
    expect((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000).toBe(30);
    await short.close();
  });
});

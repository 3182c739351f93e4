import { expect, it } from 'vitest';
import type { DoraMetrics } from '../../lib/metrics/metrics-types';
import { describeInBrowser } from './helpers/browser-session';

type Key = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime' | 'reworkRate';
const KEYS: Key[] = ['leadTime', 'deploymentFrequency', 'recoveryTime', 'changeFailureRate', 'reworkRate'];

describeInBrowser('spread across services', (session) => {
  it("draws each of a team's services it can grade, counts the rest, and names the worst", async () => {
    const page = await session().open('/teams/payments', { screenshot: 'team-spread' });
    const tiles = page.locator('[data-window-from]').first();
    const [from, to] = [await tiles.getAttribute('data-window-from'), await tiles.getAttribute('data-window-to')];
    const services = await page.locator('[data-testid="services-table"] tbody tr a[href^="/services/"]').allTextContents();
    expect(services.length).toBeGreaterThan(2);
    const perService = await Promise.all(
      services.map(async (service) => ({ service, metrics: await session().api<DoraMetrics>(`/api/v1/metrics?service=${encodeURIComponent(service)}&from=${from}&to=${to}`) })),
    );
    for (const key of KEYS) {
      const row = page.locator(`[data-spread="${key}"]`);
      const graded = perService.filter(({ metrics }) => metrics.samples[key].enough);
      await expect(row.getAttribute('data-graded')).resolves.toBe(String(graded.length));
      const text = (await row.textContent()) ?? '';
      const tooFew = perService.filter(({ metrics }) => metrics.samples[key].n > 0 && !metrics.samples[key].enough).length;
      if (tooFew > 0) expect(text).toContain(`${tooFew} with too few samples`);
      if (graded.length === 0) continue;
      // The first service named as lowest has the lowest score of the graded ones.
      const lowest = await row.locator('p a').first().textContent();
      const score = (metrics: DoraMetrics) =>
        (key === 'changeFailureRate' || key === 'reworkRate' ? metrics.factors.instability.metrics[key] : metrics.factors.throughput.metrics[key]).score!;
      const minimum = Math.min(...graded.map(({ metrics }) => score(metrics)));
      expect(score(graded.find(({ service }) => service === lowest)!.metrics)).toBe(minimum);
    }
    await page.close();
  });
});

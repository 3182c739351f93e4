import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { DoraMetrics } from '../../lib/metrics/metrics-types';
import { describeInBrowser } from './helpers/browser-session';
import { DAY_SECONDS, HOUR_SECONDS } from '../../lib/format/time-units';

type Key = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime' | 'reworkRate';

const MINIMUM: Record<Key, number> = { deploymentFrequency: 1, leadTime: 10, changeFailureRate: 20, recoveryTime: 5, reworkRate: 20 };
const SAMPLES: Record<Key, (m: DoraMetrics) => number> = {
  deploymentFrequency: (m) => m.deploymentFrequency.deployments,
  leadTime: (m) => m.leadTime.changes,
  changeFailureRate: (m) => m.changeFailureRate.deployments,
  recoveryTime: (m) => m.recoveryTime.recovered,
  reworkRate: (m) => m.reworkRate.deployments,
};

// The formulas of METRICS.md written out again, independently of lib/metrics: the 2025 survey answer and the
// Quick Check score of a figure, and the 2023 band of a figure.
const score2025 = (key: Key, value: number) => {
  if (key === 'changeFailureRate' || key === 'reworkRate') return Math.round((10 - value * 10) * 1000) / 1000;
  const answer =
    key === 'deploymentFrequency'
      ? value >= 2 ? 6 : value >= 1 ? 5 : value >= 1 / 7 ? 4 : value >= 1 / 30 ? 3 : value >= 1 / 180 ? 2 : 1
      : value < HOUR_SECONDS ? 6 : value < DAY_SECONDS ? 5 : value < 7 * DAY_SECONDS ? 4 : value < 30 * DAY_SECONDS ? 3 : value < 180 * DAY_SECONDS ? 2 : 1;
  return (answer - 1) * 2;
};
const band2023 = (key: Key, value: number) => {
  if (key === 'deploymentFrequency') return value >= 5 ? 'elite' : value >= 1 ? 'high' : null;
  if (key === 'changeFailureRate') return value <= 0.05 ? 'elite' : value <= 0.1 ? 'high' : value <= 0.15 ? 'medium' : 'low';
  const [elite, high, medium] = key === 'leadTime' ? [DAY_SECONDS, 7 * DAY_SECONDS, 30 * DAY_SECONDS] : [HOUR_SECONDS, DAY_SECONDS, 7 * DAY_SECONDS];
  return value < elite! ? 'elite' : value < high! ? 'high' : value < medium! ? 'medium' : 'low';
};

/** Every graded figure of a page region: its metric, the figure beside the grade, and the grade shown. */
const readGrades = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => ({ metric: element.getAttribute('data-metric')!, figure: element.getAttribute('data-figure')!, grade: element.getAttribute('data-grade')! })),
  );

const expectGrade = (metrics: DoraMetrics, shown: { metric: string; figure: string; grade: string }, edition: '2025' | '2023') => {
  const key = shown.metric as Key;
  const n = SAMPLES[key](metrics);
  const context = `${JSON.stringify(metrics.scope)} ${key} ${shown.figure} → ${shown.grade}`;
  if (n === 0) return expect(shown.grade, context).toBe('none');
  if (n < MINIMUM[key]) return expect(shown.grade, context).toBe(`not-enough:${n}`);
  const value = Number(shown.figure);
  if (edition === '2025') return expect(shown.grade, context).toBe(`score:${score2025(key, value)}`);
  const band = key === 'reworkRate' ? null : band2023(key, value);
  // Below one deploy day a week the 2023 band also needs the monthly median, which the tile does not show.
  if (key === 'deploymentFrequency' && band === null) return expect(shown.grade, context).toMatch(/^band:(medium|low)$/);
  return expect(shown.grade, context).toBe(band ? `band:${band}` : 'none');
};

describeInBrowser('every grade agrees with the figure beside it, in the edition shown', (session) => {
  it('on every team page, in the 2025 and the 2023 edition', async () => {
    const teamsPage = await session().open('/teams');
    const teams = await teamsPage.locator('[data-testid="teams-table"] tbody tr a').evaluateAll((links) => links.map((link) => link.textContent!.trim()));
    await teamsPage.close();
    expect(teams.length).toBeGreaterThan(3);
    for (const team of teams) {
      for (const edition of ['2025', '2023'] as const) {
        const page = await session().open(`/teams/${encodeURIComponent(team)}?edition=${edition}`);
        const tiles = page.locator('[data-window-from]').first();
        const [from, to] = [await tiles.getAttribute('data-window-from'), await tiles.getAttribute('data-window-to')];
        const api = await session().api<DoraMetrics>(`/api/v1/metrics?team=${encodeURIComponent(team)}&from=${from}&to=${to}&edition=${edition}`);
        const shown = await readGrades(page, 'article[data-metric]');
        expect(shown).toHaveLength(5);
        for (const figure of shown) expectGrade(api, figure, edition);
        if (edition === '2025') await expect(page.locator('[data-score="overall"]').getAttribute('data-value')).resolves.toBe(String(api.overall ?? ''));
        // The 2024 cluster is only named in the edition switcher, never shown as a result in another edition.
        expect(await page.locator('[data-edition="2024"]').count()).toBe(0);
        expect(await page.locator('main').getByText(/2024 cluster:/).count()).toBe(0);
        await page.close();
      }
    }
  });

  it('on every service of the services table', async () => {
    const page = await session().open('/services');
    const rows = await page.locator('[data-testid="services-table"] tbody tr').all();
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      const service = (await row.locator('a').first().textContent())!.trim();
      const api = await session().api<DoraMetrics>(`/api/v1/metrics?service=${encodeURIComponent(service)}`);
      for (const figure of await row.locator('[data-grade]').evaluateAll((elements) =>
        elements.map((element) => ({ metric: element.getAttribute('data-metric')!, figure: element.getAttribute('data-figure')!, grade: element.getAttribute('data-grade')! })),
      ))
        expectGrade(api, figure, '2025');
    }
    await page.close();
  });

  it('names the 2024 cluster only in the 2024 edition, with the figures it was placed from', async () => {
    const page = await session().open('/teams/payments?edition=2024');
    const cluster = page.locator('[data-cluster]');
    await expect(cluster.getAttribute('data-edition')).resolves.toBe('2024');
    await expect(cluster.textContent()).resolves.toMatch(/Nearest DORA 2024 performance cluster.*payments's figures \(/);
    expect(await page.locator('[data-score="overall"]').count()).toBe(0);
    await page.close();
  });
});

import { expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../ingest/demo/demo-organization';
import { describeInBrowser } from './helpers/browser-session';

const rowNames = (page: import('playwright-core').Page) => page.locator('[data-testid="services-table"] tbody th').allTextContents();

describeInBrowser('services', (session) => {
  it('lists every service, sorted by name', async () => {
    const page = await session().open('/services');
    expect(await rowNames(page)).toEqual(DEMO_SERVICES.map((service) => service.name).sort());
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Service');
    await page.close();
  });

  it('sorts by a column header, descending on a second click, and says so with aria-sort', async () => {
    const page = await session().open('/services');
    await page.locator('thead').getByRole('link', { name: /^Team/ }).click();
    await page.waitForURL(/sort=team&dir=asc/);
    const byTeam = [...DEMO_SERVICES].sort((a, b) => a.team.localeCompare(b.team)).map((service) => service.team);
    const teams = await page.locator('[data-testid="services-table"] tbody td:nth-of-type(1)').allTextContents();
    expect(teams).toEqual(byTeam);
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Team');
    await page.locator('thead').getByRole('link', { name: /^Team/ }).click();
    await page.waitForURL(/sort=team&dir=desc/);
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('Team');
    await page.close();
  });

  it("lists a team's services on its page without repeating the team in every row", async () => {
    const page = await session().open('/teams/payments');
    const expected = DEMO_SERVICES.filter((service) => service.team === 'payments').map((service) => service.name).sort();
    expect(await rowNames(page)).toEqual(expected);
    const headers = await page.locator('[data-testid="services-table"] thead th').allTextContents();
    expect(headers.some((text) => text.startsWith('Service'))).toBe(true);
    expect(headers.some((text) => text.startsWith('Team'))).toBe(false);
    await page.close();
  });

  it('fits the services table on a 1280-pixel laptop screen without scrolling sideways', async () => {
    const page = await session().open('/services');
    await page.setViewportSize({ width: 1280, height: 800 });
    const [tableWidth, boxWidth] = await page.locator('[data-testid="services-table"]').evaluate((table) => [table.scrollWidth, table.parentElement!.clientWidth]);
    expect(tableWidth).toBeLessThanOrEqual(boxWidth!);
    await page.close();
  });

  it('searches by name or team through the URL', async () => {
    const page = await session().open('/services');
    await page.getByRole('searchbox').fill('pay');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=pay/);
    const expected = DEMO_SERVICES.filter((service) => service.name.includes('pay') || service.team.includes('pay'))
      .map((service) => service.name)
      .sort();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="services-table"] tbody tr').length === count, expected.length);
    expect(await rowNames(page)).toEqual(expected);
    await page.close();
    const empty = await session().open('/services?q=zzz');
    await expect(empty.getByRole('status').first().textContent()).resolves.toContain('No service matches “zzz”');
    await empty.close();
  });
});

import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { DEMO_SERVICES } from '../../ingest/demo/demo-organization';
import { describeInBrowser } from './helpers/browser-session';
import { SCREENSHOTS } from './helpers/paths';

// A demo service that never gets a CODEOWNERS file: its `codeowners` check fails all period.
const WITHOUT_CODEOWNERS = DEMO_SERVICES.find((service) => service.standards.codeowners === false && !service.quirk)!.name;

describeInBrowser('golden path', (session) => {
  it('a service page shows a failing check with its evidence and how to fix it', async () => {
    const page = await session().open(`/services/${WITHOUT_CODEOWNERS}`, { screenshot: 'service-scorecard' });
    // The top of the page (header, figures, scorecard) for the README.
    await page.screenshot({ path: join(SCREENSHOTS, 'readme-service.png'), fullPage: true, clip: { x: 0, y: 0, width: 1360, height: 1500 } });
    const check = page.locator('[data-check="codeowners"]');
    await expect(check.getAttribute('data-status')).resolves.toBe('fail');
    const text = await check.textContent();
    expect(text).toContain('Fail');
    expect(text).toMatch(/None of .*CODEOWNERS.* exists/);
    expect(text).toContain('How to fix:');
    // The level is written out next to the score.
    await expect(page.locator('main').textContent()).resolves.toMatch(/Level.*(Unranked|bronze|silver|gold)/i);
    await page.close();
  });

  it('the scorecard on the page is the one the API gives', async () => {
    const page = await session().open(`/services/${WITHOUT_CODEOWNERS}`);
    const api = await session().api<{ checks: { id: string; status: string }[] }>(`/api/v1/services/${WITHOUT_CODEOWNERS}/scorecard`);
    const shown = await page.locator('[data-check][data-status]').evaluateAll((items) => items.map((item) => [item.getAttribute('data-check'), item.getAttribute('data-status')]));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(api.checks.map((check) => [check.id, check.status])));
    await page.close();
  });

  it('shows an exemption granted through the API with its reason and how long it still runs', async () => {
    const service = DEMO_SERVICES.find((candidate) => candidate.standards.protectedMain === false)!.name;
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const response = await fetch(`${session().baseUrl}/api/exemptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('writeToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service, check: 'protected-main', reason: 'Legacy ERP host cannot enforce reviews until the migration', expires }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    const page = await session().open(`/services/${service}`, { screenshot: 'service-exemption' });
    const check = page.locator('[data-check="protected-main"]');
    await expect(check.getAttribute('data-status')).resolves.toBe('exempt');
    await expect(check.textContent()).resolves.toMatch(/Exempt until \d+ \w+ \d{4} \(\d+ days left\): Legacy ERP host cannot enforce reviews/);
    await page.close();
  });

  it('standards list every check with how many services pass it', async () => {
    const page = await session().open('/standards', { screenshot: 'standards' });
    // Each check with its rule as the file writes it.
    await expect(page.locator('[data-check="codeowners"] [data-rule]').textContent()).resolves.toContain('fileExists: ["CODEOWNERS"');
    const counts = await page.locator('[data-pass-count]').allTextContents();
    expect(counts.length).toBeGreaterThanOrEqual(5);
    for (const count of counts) {
      const [, pass, applicable] = count.match(/^(\d+) of (\d+) applicable services pass/)!;
      expect(Number(pass)).toBeLessThanOrEqual(Number(applicable));
      expect(Number(applicable)).toBeLessThanOrEqual(DEMO_SERVICES.length);
    }
    await page.close();
  });

  it('adoption shows levels over time, each check over time and this week’s regressions', async () => {
    const page = await session().open('/adoption', { screenshot: 'adoption' });
    await expect(page.locator('[data-testid="level-distribution"] svg.recharts-surface').count()).resolves.toBeGreaterThan(0);
    // 90 days of weekly buckets in the table for screen readers.
    expect(await page.locator('[data-testid="level-distribution"] table tbody tr').count()).toBeGreaterThanOrEqual(13);
    const checks = await page.locator('[data-testid="check-adoption"] tbody tr').count();
    expect(checks).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('heading', { name: 'Services that regressed this week' }).count()).resolves.toBe(1);
    await page.close();
  });
});

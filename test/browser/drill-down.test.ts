import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ListedDeployment } from '../../lib/metrics/list-deployments';
import type { ListPage } from '../../lib/metrics/resolve-list-request';
import { LINKED_DEPLOYMENT_ID, LINKED_DEPLOYMENT_URL, LINKED_INCIDENT_URL, LINKED_SERVICE } from './fixture/linked-records';
import { describeInBrowser } from './helpers/browser-session';
import { SCREENSHOTS } from './helpers/paths';
import { readTiles } from './helpers/read-tiles';

const cells = (page: import('playwright-core').Page, testId: string) => page.locator(`[data-testid="${testId}"] tbody tr th`).allTextContents();

describeInBrowser('drill-down', (session) => {
  it('goes from the change failure rate of a team to exactly its failed deployments', async () => {
    const page = await session().open('/dora?team=payments&range=180d');
    const { from, to } = await readTiles(page);
    await page.locator('[data-metric="changeFailureRate"] [data-value]').click();
    await page.waitForURL(/\/activity\/deployments\?.*status=failed/);
    const url = new URL(page.url());
    expect(url.searchParams.get('team')).toBe('payments');
    expect(url.searchParams.get('range')).toBe('180d');
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'drill-down-failed.png'), fullPage: true });
    const api = await session().api<ListPage<ListedDeployment>>(`/api/v1/metrics/deployments?team=payments&failed=true&from=${from}&to=${to}&limit=50`);
    expect(api.total).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="deployments-list"] caption').textContent()).resolves.toMatch(new RegExp(`^${api.total} failed deployments`));
    const shown = (await cells(page, 'deployments-list')).map((text) => text.split(' ')[0]);
    expect(shown).toEqual(api.items.map((item) => item.sourceId));
    await page.close();
  });

  it('links a row back to its source where the source gave a URL', async () => {
    const page = await session().open(`/activity/deployments?service=${LINKED_SERVICE}&range=30d`);
    const row = page.locator('[data-testid="deployments-list"] tbody tr', { hasText: LINKED_DEPLOYMENT_ID });
    await expect(row.locator('th a').getAttribute('href')).resolves.toBe(LINKED_DEPLOYMENT_URL);
    // Demo deployments have no URL: their id is plain text, not a dead link.
    const other = page.locator('[data-testid="deployments-list"] tbody tr', { hasNotText: LINKED_DEPLOYMENT_ID }).first();
    expect(await other.locator('th a').count()).toBe(0);
    await page.close();
    const incidents = await session().open(`/activity/incidents?service=${LINKED_SERVICE}&range=30d`);
    await expect(incidents.locator('[data-testid="incidents-list"] tbody tr', { hasText: 'INC-42' }).locator('th a').getAttribute('href')).resolves.toBe(LINKED_INCIDENT_URL);
    await incidents.close();
  });

  it('pages through deployments server-side, 50 rows at a time', async () => {
    const page = await session().open('/activity/deployments?range=180d');
    expect(await page.locator('[data-testid="deployments-list"] tbody tr').count()).toBe(50);
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/offset=50/);
    await page.waitForFunction(() => document.querySelector('nav[aria-label="Pages"]')?.textContent?.startsWith('51–'));
    await page.close();
  });

  it('lists the changes behind lead time and the incidents behind time to restore', async () => {
    const changes = await session().open('/activity/changes?service=ledger-service', { screenshot: 'drill-down-changes' });
    expect(await changes.locator('[data-testid="changes-list"] tbody tr').count()).toBeGreaterThan(0);
    await changes.close();
    const incidents = await session().open('/activity/incidents?range=180d', { screenshot: 'drill-down-incidents' });
    const window = incidents.locator('[data-list-window-from]');
    const from = await window.getAttribute('data-list-window-from');
    const to = await window.getAttribute('data-list-window-to');
    const api = await session().api<ListPage<{ id: string }>>(`/api/v1/metrics/incidents?from=${from}&to=${to}&limit=50`);
    expect(api.total).toBeGreaterThan(0);
    expect(await incidents.locator('[data-testid="incidents-list"] tbody tr').count()).toBe(Math.min(50, api.total));
    await incidents.close();
  });
});

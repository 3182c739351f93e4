import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../ingest/demo/demo-organization';
import { describeInBrowser, type BrowserSession } from './helpers/browser-session';
import { findAxeViolations, measureOverflow } from './helpers/check-page';

type ApiScorecard = { level: string; checks: { id: string; level: string; status: string }[] };

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const LEVELS = ['bronze', 'silver', 'gold'];
const TIER_1 = DEMO_SERVICES.filter((service) => service.tier === 1).map((service) => service.name);
// Three demo services with known failures: no CODEOWNERS file ever; the legacy one that adopts nothing; a typical one.
const TODO_SERVICES = ['warehouse-sync', 'erp-connector', 'fraud-detection'];

/** At each width: no axe violation and nothing sticking out sideways. */
const expectAccessibleAtEachWidth = async (page: Page, label: string) => {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(50);
    expect(await findAxeViolations(page), `${label} at ${viewport.width} px`).toEqual([]);
    const { scrollWidth, overflowing } = await measureOverflow(page, viewport.width);
    expect(scrollWidth, `${label} at ${viewport.width} px overflows: ${overflowing.join(', ')}`).toBeLessThanOrEqual(viewport.width);
  }
};

const loadScorecards = (session: BrowserSession, names: string[]) => Promise.all(names.map(async (name) => [name, await session.api<ApiScorecard>(`/api/v1/services/${name}/scorecard`)] as const));

describeInBrowser('campaigns and the owner to-do list', (session) => {
  it('the demo campaign shows its burn-up, who is behind and its projected date, as the check results say', async () => {
    const page = await session().open('/campaigns/otel-tier-1', { screenshot: 'campaign' });
    await expect(page.locator('h1').textContent()).resolves.toBe('OpenTelemetry on every tier-1 service');
    const scorecards = await loadScorecards(session(), TIER_1);
    const behind = scorecards.filter(([, card]) => !['pass', 'exempt', 'skip'].includes(card.checks.find((check) => check.id === 'tracing')!.status)).map(([name]) => name);
    expect(behind.length).toBeGreaterThan(0);
    await expect(page.getByTestId('campaign-done').textContent()).resolves.toBe(`${TIER_1.length - behind.length} of ${TIER_1.length}`);
    const listed = await page.locator('[data-testid="behind"] [data-service]').evaluateAll((items) => items.map((item) => item.getAttribute('data-service')));
    expect([...listed].sort()).toEqual([...behind].sort());
    for (const name of behind) await expect(page.locator(`[data-service="${name}"] [data-check="tracing"]`).count()).resolves.toBe(1);
    await expect(page.getByTestId('campaign-projection').textContent()).resolves.toMatch(/^(\d{1,2} \w{3} \d{4} at [\d.]+ services a week|No progress in the last \d+ days)/);
    // The chart draws both lines; its table's last row is today's count.
    await expect(page.locator('[data-testid="burn-up-chart"] .recharts-line').count()).resolves.toBe(2);
    const lastRow = await page.locator('[data-testid="burn-up-table"] tbody tr').last().locator('td').first().textContent();
    expect(Number(lastRow)).toBe(TIER_1.length - behind.length);
    await expectAccessibleAtEachWidth(page, 'campaign page');
    await page.close();
  });

  it('the campaigns list links the demo campaign with its progress', async () => {
    const page = await session().open('/campaigns');
    const row = page.locator('[data-testid="campaigns-table"] tbody tr', { hasText: 'OpenTelemetry on every tier-1 service' });
    await expect(row.textContent()).resolves.toMatch(/of \d+/);
    await expectAccessibleAtEachWidth(page, 'campaigns list');
    await page.close();
  });

  for (const name of TODO_SERVICES) {
    it(`${name}: the page leads with the checks that block the next level, passes folded`, async () => {
      const page = await session().open(`/services/${name}`, { screenshot: `service-todo-${name}` });
      const card = await session().api<ApiScorecard>(`/api/v1/services/${name}/scorecard`);
      const nextRank = card.level === 'unranked' ? 0 : LEVELS.indexOf(card.level) + 1;
      const open = (check: ApiScorecard['checks'][number]) => check.status === 'fail' || check.status === 'unknown';
      const blocking = card.checks.filter((check) => open(check) && LEVELS.indexOf(check.level) <= nextRank);
      expect(blocking.length, `${name} has failures before its next level`).toBeGreaterThan(0);
      const todo = page.getByTestId('todo');
      await expect(todo.locator('h3').first().textContent()).resolves.toBe(`Fix ${blocking.length === 1 ? 'this check' : `these ${blocking.length} checks`} to reach ${LEVELS[nextRank]}`);
      // In level order; the first section of the page's main column.
      const shown = await todo.locator('ul').first().locator(':scope > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-check')));
      expect(shown).toEqual([...blocking].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)).map((check) => check.id).filter((id) => shown.includes(id)));
      expect([...shown].sort()).toEqual(blocking.map((check) => check.id).sort());
      const firstCard = await page.locator('main section h2').first().textContent();
      expect(firstCard).toBe('What to do next');
      // Passing checks are folded; evidence reads as words; fix texts carry no markdown marks.
      await expect(page.getByTestId('settled').evaluate((element) => (element as HTMLDetailsElement).open)).resolves.toBe(false);
      const text = (await todo.textContent()) ?? '';
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toContain('`');
      expect(text).not.toMatch(/leadTimeP50Hours|changeFailureRate|\{"/);
      await expectAccessibleAtEachWidth(page, `${name} service page`);
      await page.close();
    });
  }
});

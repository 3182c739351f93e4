import { expect, it } from 'vitest';
import { DEMO_TEAMS } from '../../ingest/demo/demo-organization';
import { describeInBrowser } from './helpers/browser-session';

type SummaryRow = { service: string; team: string | null; level: string };

describeInBrowser('maturity report', (session) => {
  it('shows each team’s levels now as the scorecards say, and prints without the navigation', async () => {
    const page = await session().open('/reports/maturity', { screenshot: 'maturity-report' });
    const rows = (await session().api<{ items: SummaryRow[] }>('/api/v1/scorecards?limit=1000')).items;
    const shown = await page.locator('[data-testid="maturity-levels"] tbody tr').evaluateAll((items) => items.map((item) => [item.getAttribute('data-team'), item.querySelector('td')?.textContent ?? '']));
    expect(shown.map(([team]) => team).sort()).toEqual([...DEMO_TEAMS].sort());
    for (const [team, text] of shown) {
      // "3 gold · 2 silver": every level's count equals the services of the team at it today.
      const counts = Object.fromEntries([...text!.matchAll(/(\d+) (\w+)/g)].map(([, count, level]) => [level, Number(count)]));
      const expected: Record<string, number> = {};
      for (const row of rows.filter((candidate) => candidate.team === team)) expected[row.level] = (expected[row.level] ?? 0) + 1;
      expect(counts, team!).toEqual(expected);
    }
    await expect(page.locator('[data-testid="maturity-heatmap"] tbody tr').count()).resolves.toBe(DEMO_TEAMS.length);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav[aria-label="Main"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('form[aria-label="Filters"]').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('maturity-heatmap').isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});

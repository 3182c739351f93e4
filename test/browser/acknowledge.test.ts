import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';

describeInBrowser('acknowledging a failing check', (session) => {
  it('an owner writes a note on a failing check from the service page, and the page shows it on that check', async () => {
    // Without sign-in, the local user on loopback is an admin, who may act on every service.
    const answer = await fetch(`${session().baseUrl}/api/v1/check-results?status=fail&limit=1`);
    const [result] = ((await answer.json()) as { items: { service: string; check: string }[] }).items;
    expect(result).toBeDefined();
    const page = await session().open(`/services/${encodeURIComponent(result!.service)}`);
    const check = result!.check;
    const failing = page.locator(`li[data-check="${check}"]`).first();
    await failing.getByText('Acknowledge with a note').click();
    await failing.locator('input[name="note"]').fill('Known: the fix ships with the next release');
    await Promise.all([page.waitForURL(/acknowledged=/), failing.getByRole('button', { name: 'Acknowledge' }).click()]);
    const shown = page.locator(`[data-testid="acknowledged-${check}"]`);
    expect(await shown.textContent()).toMatch(/^Acknowledged by local .*: Known: the fix ships with the next release$/);
    await page.close();
  });
});

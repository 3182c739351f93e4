import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';

describeInBrowser('roles page', (session) => {
  it('an admin grants an owner role from the form, sees it listed, and revokes it', async () => {
    // Without sign-in configured, the local user on loopback is an admin.
    const page = await session().open('/roles', { screenshot: 'roles' });
    const form = page.locator('[data-testid="grant-role"]');
    await form.locator('input[name="subject"]').fill('browser-test-user');
    await form.locator('select[name="role"]').selectOption('owner');
    await form.locator('select[name="team"]').selectOption('payments');
    await form.locator('button[type="submit"]').click();
    const row = page.locator('[data-testid="role-grants"] tr', { hasText: 'browser-test-user' });
    const refused = form.getByRole('alert');
    await row.or(refused).waitFor();
    expect(await refused.count(), (await refused.first().textContent({ timeout: 100 }).catch(() => '')) ?? '').toBe(0);
    expect(await row.textContent()).toContain('owner of payments');
    await row.getByRole('button', { name: 'Revoke owner of browser-test-user' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="role-grants"] tr', { hasText: 'browser-test-user' }).count()).toBe(0);
    await page.close();
  });
});

import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';

describeInBrowser("owners' to-do by team", (session) => {
  it("lists each service's blocking checks as its own page does, and /me offers the teams without sign-in", async () => {
    const page = await session().open('/teams/payments/todo', { screenshot: 'team-todo' });
    const services = await page.locator('[data-testid="team-todo"] > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-service')!));
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      const listed = await page.locator(`[data-service="${service}"] [data-check]`).evaluateAll((items) => items.map((item) => item.getAttribute('data-check')));
      const own = await session().open(`/services/${service}`);
      const blocking = await own.locator('[aria-label^="Checks blocking"] [data-check]').evaluateAll((items) => items.map((item) => item.getAttribute('data-check')));
      expect([service, listed]).toEqual([service, blocking]);
      await own.close();
    }
    await page.close();

    const me = await session().open('/me');
    const teams = await me.locator('[data-testid="team-picker"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(teams).toContain('/teams/payments/todo');
    await me.close();
  });
});

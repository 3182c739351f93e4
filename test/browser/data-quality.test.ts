import { expect, it } from 'vitest';
import type { MetricsAnswer } from '../../lib/metrics/get-metrics-answer';
import { LINKED_SERVICE } from './fixture/linked-records';
import { describeInBrowser } from './helpers/browser-session';

describeInBrowser('data-quality notes', (session) => {
  it("shows the answer's notes beside the figures, in words and with the fix", async () => {
    const page = await session().open(`/services/${LINKED_SERVICE}`, { screenshot: 'data-quality-notes' });
    const tiles = page.locator('[data-window-from]').first();
    const [from, to] = [await tiles.getAttribute('data-window-from'), await tiles.getAttribute('data-window-to')];
    const answer = await session().api<MetricsAnswer>(`/api/v1/metrics?service=${LINKED_SERVICE}&from=${from}&to=${to}`);
    const old = answer.dataQuality.find((note) => note.kind === 'old-samples');
    // The fixture's release ci-run-4712 ships a commit written 400 days before it.
    expect(old?.text).toContain('ci-run-4712');
    const shown = page.locator('[data-quality-note]');
    await expect(shown.evaluateAll((items) => items.map((item) => item.getAttribute('data-quality-note')))).resolves.toEqual(
      answer.dataQuality.map((note) => note.kind),
    );
    const text = (await page.locator('[data-quality-note="old-samples"]').textContent()) ?? '';
    expect(text).toContain(old!.text);
    expect(text).toContain(old!.fix);
    await page.close();
  });
});

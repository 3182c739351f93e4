import { createHmac } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';
import { WEBHOOK_SECRET } from './helpers/suite-constants';

const deliver = (baseUrl: string, body: string, signature: string | null, id: string) =>
  fetch(`${baseUrl}/api/webhooks/github`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': id, ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    body,
  });

describeInBrowser('ingest status', (session) => {
  it('shows the runs that loaded the data, webhook deliveries and the requests refused', async () => {
    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const signed = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
    expect((await deliver(session().baseUrl, body, signed, 'browser-delivery-1')).status).toBeLessThan(300);
    expect((await deliver(session().baseUrl, body, 'sha256=00', 'browser-delivery-2')).status).toBe(401);

    const page = await session().open('/ingest', { screenshot: 'ingest-status-webhooks' });
    // The demo load and the linked records' import are runs of their own sources.
    const sources = await page.locator('[data-testid="sources-table"] tbody th').allTextContents();
    expect(sources).toEqual(['ci', 'demo']);
    await expect(page.locator('[data-testid="runs-table"] tbody tr').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-testid="deliveries-table"]').textContent()).resolves.toContain('ping');
    await expect(page.locator('[data-testid="rejected-table"]').textContent()).resolves.toContain('bad-signature');
    await page.close();
    expect(session().consoleErrors()).toEqual([]);
  });
});

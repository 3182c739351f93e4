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

  it('lists PagerDuty incidents of an unmapped service by that service', async () => {
    const payload = {
      event: {
        id: '01BROWSERTEST',
        event_type: 'incident.triggered',
        resource_type: 'incident',
        occurred_at: '2026-11-30T10:00:00Z',
        agent: null,
        client: null,
        data: {
          id: 'PBRWSR1',
          type: 'incident',
          status: 'triggered',
          created_at: '2026-11-30T10:00:00Z',
          title: 'Batch jobs stuck',
          urgency: 'high',
          service: { id: 'PLEGACY', type: 'service_reference', summary: 'Legacy Mainframe' },
        },
      },
    };
    const body = JSON.stringify(payload);
    const response = await fetch(`${session().baseUrl}/api/webhooks/pagerduty`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-id': 'browser-pd-1', 'x-pagerduty-signature': `v1=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}` },
      body,
    });
    expect(response.status).toBe(202);
    // The server's own worker normalizes the delivery; wait for the page to show it.
    let html = '';
    for (let attempt = 0; attempt < 40 && !html.includes('Legacy Mainframe'); attempt++) {
      await new Promise((done) => setTimeout(done, 500));
      html = await (await fetch(`${session().baseUrl}/ingest`)).text();
    }
    const page = await session().open('/ingest', { screenshot: 'ingest-status-unmapped' });
    const table = await page.locator('[data-testid="unmapped-records"]').textContent();
    expect(table).toContain('Legacy Mainframe');
    expect(table).toContain('PLEGACY');
    expect(table).toContain('1 incident');
    await page.close();
    expect(session().consoleErrors()).toEqual([]);
  });
});

import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { startWorker } from '../../../ingest/worker/start-worker';
import { getConfig, resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { webhookDeliveries } from '../../../lib/db/schema';
import { createInProcessQueue } from '../../../lib/jobs/create-in-process-queue';
import { setJobQueue } from '../../../lib/jobs/get-job-queue';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { buildPagerdutyWorld } from '../../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty, type FakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import { renderWebhook } from '../../fakes/pagerduty/pagerduty-world';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { TOKEN } from './pagerduty-test-setup';

const SECRET = 'pd-worker-secret';
const VARIABLES = [
  'WAYMARK_PAGERDUTY_TOKEN',
  'WAYMARK_PAGERDUTY_API_URL',
  'WAYMARK_PAGERDUTY_WEBHOOK_SECRETS',
  'WAYMARK_PAGERDUTY_BACKFILL_DAYS',
];

let fake: FakePagerduty;
beforeAll(() => {
  process.env.WAYMARK_PAGERDUTY_TOKEN = TOKEN;
  process.env.WAYMARK_PAGERDUTY_WEBHOOK_SECRETS = SECRET;
  process.env.WAYMARK_PAGERDUTY_BACKFILL_DAYS = '400';
});
beforeEach(async () => {
  fake = await startFakePagerduty(buildPagerdutyWorld(new Date()), { token: TOKEN });
  process.env.WAYMARK_PAGERDUTY_API_URL = fake.url;
  resetConfig();
});
afterEach(async () => {
  setJobQueue(null);
  await fake.close();
});
afterAll(() => {
  for (const name of VARIABLES) delete process.env[name];
  resetConfig();
});

describeEachBackend('the worker runs PagerDuty jobs', ({ db, handle }) => {
  it('normalizes a delivery stored while no worker ran, and runs a queued sync', async () => {
    setDbHandle(handle());
    const incident = fake.world.incidents[0]!;
    const body = JSON.stringify(
      renderWebhook(fake.world, incident, 'incident.triggered', incident.createdAt, 'evt-worker'),
    );
    const signature = `v1=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const request = new Request('http://localhost/api/webhooks/pagerduty', {
      method: 'POST',
      headers: { 'x-webhook-id': 'wh-worker', 'x-pagerduty-signature': signature },
      body,
    });
    expect((await postWebhook('pagerduty', request)).status).toBe(202);
    const queue = createInProcessQueue();
    setJobQueue(queue);
    await startWorker(queue, { db: db(), config: getConfig(), roles: { webhooks: true, syncs: true } });
    await queue.send(JOB_NAMES.pagerdutySync, {});
    await queue.drain();
    expect(await db().select({ status: webhookDeliveries.status }).from(webhookDeliveries)).toEqual([
      { status: 'processed' },
    ]);
    // No Waymark services exist: every incident is kept as unmapped, none dropped.
    expect(await countRows(db(), 'unmapped_records')).toBe(60);
    expect(fake.requests.filter((entry) => entry.path === '/incidents')).toHaveLength(3);
    await queue.stop();
  });
});

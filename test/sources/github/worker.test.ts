import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { startWorker } from '../../../ingest/worker/start-worker';
import { getConfig, resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { webhookDeliveries } from '../../../lib/db/schema';
import { createInProcessQueue } from '../../../lib/jobs/create-in-process-queue';
import { setJobQueue } from '../../../lib/jobs/get-job-queue';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { buildWebhookDeliveries } from '../../fakes/github/build-webhook-deliveries';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { TEST_TOKEN } from './github-test-setup';
import { WEBHOOK_SECRET, webhookRequest } from './webhook-test-setup';

let fake: FakeGithub;
beforeAll(() => {
  process.env.GITHUB_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.GITHUB_TOKEN = TEST_TOKEN;
});
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 2 }));
  process.env.GITHUB_API_URL = fake.url;
  resetConfig();
});
afterEach(async () => {
  setJobQueue(null);
  await fake.close();
});
afterAll(() => {
  for (const name of ['GITHUB_WEBHOOK_SECRET', 'GITHUB_TOKEN', 'GITHUB_API_URL']) delete process.env[name];
  resetConfig();
});

describeEachBackend('the worker behind the webhook route', ({ db, handle }) => {
  it('normalizes queued deliveries, fetching what payloads lack, and picks up deliveries stored while no worker ran', async () => {
    setDbHandle(handle());
    const deliveries = buildWebhookDeliveries(fake.world, fake.url).filter((delivery) => (delivery.payload.repository as { name: string }).name === 'svc-00');
    const half = Math.floor(deliveries.length / 2);
    // No worker yet: deliveries wait in the database as `received`.
    for (const [index, delivery] of deliveries.slice(0, half).entries()) await postWebhook('github', webhookRequest(delivery.event, delivery.payload, { delivery: `early-${index}` }));
    const queue = createInProcessQueue();
    setJobQueue(queue);
    await startWorker(queue, { db: db(), config: getConfig(), roles: { webhooks: true, syncs: true } });
    for (const [index, delivery] of deliveries.slice(half).entries()) await postWebhook('github', webhookRequest(delivery.event, delivery.payload, { delivery: `late-${index}` }));
    await queue.drain();
    const statuses = await db().select({ status: webhookDeliveries.status }).from(webhookDeliveries);
    expect(statuses.every((row) => row.status === 'processed')).toBe(true);
    expect(statuses).toHaveLength(deliveries.length);
    // Linking needed the API (compare, commits): the worker had the token from the configuration.
    expect(await countRows(db(), 'deployment_changes')).toBeGreaterThan(0);
    await queue.stop();
  });
});

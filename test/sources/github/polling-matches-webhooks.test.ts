import { afterEach, beforeAll, afterAll, expect, it } from 'vitest';
import { createGithubClient } from '../../../ingest/sources/github/create-github-client';
import { processGithubDelivery } from '../../../ingest/sources/github/process-github-delivery';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { buildWebhookDeliveries } from '../../fakes/github/build-webhook-deliveries';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { postWebhook } from '../../helpers/post-webhook';
import { snapshotTables } from '../../helpers/table-snapshot';
import { createTestDb, describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';
import { WEBHOOK_SECRET, webhookRequest } from './webhook-test-setup';

const DOMAIN = ['services', 'teams', 'deployments', 'changes', 'deployment_changes', 'incidents', 'pipeline_runs', 'pull_requests', 'facts'];

let fake: FakeGithub | undefined;
beforeAll(() => {
  process.env.GITHUB_WEBHOOK_SECRET = WEBHOOK_SECRET;
  resetConfig();
});
afterAll(() => {
  delete process.env.GITHUB_WEBHOOK_SECRET;
  resetConfig();
});
afterEach(async () => fake?.close());

describeEachBackend('a 50-repository organization', ({ db, backend }) => {
  it('gives the same domain rows by polling (twice) as by webhooks, and the second sync spends only conditional requests', async () => {
    const world = buildFakeOrg({ repos: 50 });
    fake = await startFakeGithub(world);

    let started = Date.now();
    const first = await syncGithub({ db: db(), client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW });
    const firstMs = Date.now() - started;
    const polled = await snapshotTables(db(), DOMAIN);
    fake.requests.length = 0;
    started = Date.now();
    const second = await syncGithub({ db: db(), client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW });
    const secondMs = Date.now() - started;
    expect(await snapshotTables(db(), DOMAIN)).toEqual(polled);
    const refused = fake.requests.filter((request) => request.path.startsWith('/repos/acme/svc-09'));
    expect(fake.requests.filter((request) => request.status !== 304 && !refused.includes(request))).toEqual([]);
    expect(first.repositories.filter((repo) => repo.status === 'failed').map((repo) => repo.fullName)).toEqual(['acme/svc-09']);

    // The same history as webhook deliveries, into a database of its own, through the route and the worker's job.
    const hooked = await createTestDb(backend);
    try {
      setDbHandle(hooked);
      const deliveries = buildWebhookDeliveries(world, fake.url);
      started = Date.now();
      for (const [index, delivery] of deliveries.entries()) expect((await postWebhook('github', webhookRequest(delivery.event, delivery.payload, { delivery: `delivery-${index}` }))).status).toBe(202);
      const client = await createGithubClient(testClientOptions(fake));
      // Like the worker: repositories in parallel, each repository's deliveries in the order they came.
      expect(await listPendingDeliveries(hooked.db, 'github')).toHaveLength(deliveries.length);
      const byRepository = new Map<string, string[]>();
      for (const [index, delivery] of deliveries.entries()) {
        const full = (delivery.payload.repository as { full_name: string }).full_name;
        byRepository.set(full, [...(byRepository.get(full) ?? []), `delivery-${index}`]);
      }
      await Promise.all(
        [...byRepository.values()].map(async (ids) => {
          for (const id of ids) {
            const outcome = await processGithubDelivery({ db: hooked.db, client, settings: TEST_SETTINGS, now: FIXED_NOW }, id);
            expect(outcome.status).toBe('processed');
          }
        }),
      );
      const webhookMs = Date.now() - started;
      expect(await snapshotTables(hooked.db, DOMAIN)).toEqual(polled);
      console.log(
        `[${backend}] 50 repositories: full sync ${first.requests} requests in ${firstMs} ms; second sync ${second.requests} requests ` +
          `(${second.conditional} conditional, ${second.notModified} answered 304, ${second.requests - second.notModified} refused by the forbidden repository) in ${secondMs} ms; ` +
          `webhook path ${deliveries.length} deliveries and ${client.stats.requests} API requests in ${webhookMs} ms`,
      );
    } finally {
      await hooked.close();
    }
    // About a minute of work on a busy two-core machine (1,300 API requests, 1,071 deliveries): no time is asserted.
  }, 600_000);
});

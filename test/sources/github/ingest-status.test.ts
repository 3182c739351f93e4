import { afterEach, beforeEach, expect, it } from 'vitest';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { getIngestStatus } from '../../../lib/runs/get-ingest-status';
import { createGithubWebhookReceiver } from '../../../ingest/sources/github/create-github-webhook-receiver';
import { receiveWebhook } from '../../../lib/webhooks/receive-webhook';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';
import { WEBHOOK_SECRET, webhookRequest } from './webhook-test-setup';

let fake: FakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 2 }));
});
afterEach(async () => fake.close());

describeEachBackend('getIngestStatus', ({ db }) => {
  it('shows runs per repository, webhook deliveries, refused requests and payloads that could not be read', async () => {
    await syncGithub({ db: db(), client: testClientOptions(fake), settings: TEST_SETTINGS, org: null, repos: ['acme/svc-00', 'acme/gone'], now: FIXED_NOW });
    const receive = (request: Request) => receiveWebhook({ db: db(), request, receiver: createGithubWebhookReceiver(() => WEBHOOK_SECRET), maxBodyBytes: 100_000 });
    await receive(webhookRequest('push', null, { body: '{broken', delivery: 'd-1' }));
    await receive(webhookRequest('push', {}, { secret: 'wrong' }));

    const status = await getIngestStatus({ db: db() });
    expect(status.runs).toHaveLength(1);
    expect(status.runs[0]).toMatchObject({ job: 'github.sync', status: 'partial', requestsUsed: expect.any(Number) });
    expect(status.runs[0]!.repositories.map((run) => [run.scope, run.status])).toEqual([
      ['acme/gone', 'failed'],
      ['acme/svc-00', 'success'],
    ]);
    const svc00 = status.runs[0]!.repositories[1]!;
    expect(svc00.counts).toMatchObject({ deployments: expect.any(Number), pullRequests: expect.any(Number) });
    expect(svc00.rateLimitRemaining).toBeGreaterThan(0);
    expect(status.deliveries).toEqual([expect.objectContaining({ deliveryId: 'd-1', status: 'failed', reason: expect.stringMatching(/not JSON/) })]);
    expect(status.deliveryCounts).toEqual({ failed: 1 });
    expect(status.rejected).toEqual([expect.objectContaining({ endpoint: '/api/webhooks/github', reason: 'bad-signature', count: 1 })]);
    expect(status.uninterpretable).toEqual([expect.objectContaining({ kind: 'webhook', sourceId: 'd-1' })]);
  });
});

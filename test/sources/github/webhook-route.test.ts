import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { processGithubDelivery } from '../../../ingest/sources/github/process-github-delivery';
import { resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { deployments, incidents, pipelineRuns, pullRequests, rawPayloads, rejectedRequests, services, webhookDeliveries } from '../../../lib/db/schema';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { TEST_SETTINGS } from './github-test-setup';
import { examplesOf, sign, WEBHOOK_SECRET, webhookRequest } from './webhook-test-setup';

const RELEVANT = ['deployment', 'deployment_status', 'workflow_run', 'pull_request', 'pull_request_review', 'push', 'issues', 'repository', 'ping'];

beforeAll(() => {
  process.env.GITHUB_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.WAYMARK_MAX_BODY_BYTES = String(512 * 1024);
  resetConfig();
});
afterAll(() => {
  delete process.env.GITHUB_WEBHOOK_SECRET;
  delete process.env.WAYMARK_MAX_BODY_BYTES;
  resetConfig();
});

describeEachBackend('POST /api/webhooks/github', ({ db, handle }) => {
  const post = async (request: Request) => {
    setDbHandle(handle());
    const response = await postWebhook('github', request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const processAll = async () => {
    for (const deliveryId of await listPendingDeliveries(db(), 'github')) await processGithubDelivery({ db: db(), client: null, settings: TEST_SETTINGS }, deliveryId);
  };

  it('accepts every relevant example delivery, stores it once and normalizes it into domain rows', async () => {
    let posted = 0;
    for (const event of RELEVANT) {
      for (const example of examplesOf(event)) {
        const response = await post(webhookRequest(event, example));
        expect(response.status).toBe(202);
        posted++;
      }
    }
    // The examples carry no incident label (and later ones of the same issue would drop it): label one, last.
    const [labeled] = examplesOf('issues').filter((example) => example.action === 'labeled');
    (labeled!.issue as { labels: { name: string }[] }).labels.push({ name: 'incident' });
    expect((await post(webhookRequest('issues', labeled))).status).toBe(202);
    expect(await countRows(db(), 'webhook_deliveries')).toBe(posted + 1);
    await processAll();
    const outcomes = await db().select({ status: webhookDeliveries.status, event: webhookDeliveries.event, reason: webhookDeliveries.reason }).from(webhookDeliveries);
    expect(outcomes.filter((outcome) => outcome.status !== 'processed')).toEqual([]);
    // Example ids repeat across payloads, so a record delivered several times is one row.
    expect(await db().select({ id: deployments.id, status: deployments.status }).from(deployments)).toEqual([{ id: 'github:deployment:Codertocat/Hello-World/145988746', status: 'success' }]);
    expect((await db().select().from(pipelineRuns)).map((run) => run.id).sort()).toEqual([
      'github:pipeline_run:Codertocat/Hello-World/1589141559',
      'github:pipeline_run:octo-org/octo-repo/289782451',
    ]);
    expect(await countRows(db(), 'pull_requests')).toBeGreaterThan(0);
    expect(await db().select({ id: incidents.id }).from(incidents)).toEqual([{ id: 'github:incident:Codertocat/Hello-World#1' }]);
    expect((await db().select({ name: services.name }).from(services)).map((row) => row.name).sort()).toContain('Hello-World');
  });

  it('refuses a bad, missing or SHA-1 signature with 401 and stores nothing but a count', async () => {
    const [example] = examplesOf('deployment_status');
    const body = JSON.stringify(example);
    const tampered = body.replace('production', 'prodution');
    const cases = [
      webhookRequest('deployment_status', null, { body: tampered, headers: { 'x-hub-signature-256': sign(body) } }),
      webhookRequest('deployment_status', example, { secret: 'wrong secret' }),
      webhookRequest('deployment_status', example, { headers: { 'x-hub-signature-256': '' } }),
      webhookRequest('deployment_status', example, { headers: { 'x-hub-signature-256': '', 'x-hub-signature': 'sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59' } }),
    ];
    for (const request of cases) expect((await post(request)).status).toBe(401);
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    const counted = await db().select().from(rejectedRequests);
    expect(Object.fromEntries(counted.map((row) => [row.reason, row.count]))).toEqual({ 'bad-signature': 2, 'missing-signature': 2 });
  });

  it('answers 413 to a body over the size limit', async () => {
    const [example] = examplesOf('push');
    const response = await post(webhookRequest('push', { ...example, padding: 'x'.repeat(600 * 1024) }));
    expect(response.status).toBe(413);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
  });

  it('deduplicates a redelivery: the same delivery id changes nothing', async () => {
    const [example] = examplesOf('deployment_status');
    expect((await post(webhookRequest('deployment_status', example, { delivery: 'delivery-1' }))).status).toBe(202);
    await processAll();
    const before = await db().select().from(deployments);
    const again = await post(webhookRequest('deployment_status', example, { delivery: 'delivery-1' }));
    expect(again).toEqual({ status: 200, body: { delivery: 'delivery-1', duplicate: true } });
    await processAll();
    expect(await db().select().from(deployments)).toEqual(before);
    expect(await countRows(db(), 'raw_payloads')).toBe(3);
  });

  it('acknowledges events it does not use and ignores them', async () => {
    const [example] = examplesOf('star');
    const response = await post(webhookRequest('star', example));
    expect(response).toMatchObject({ status: 202, body: { ignored: true } });
    const [delivery] = await db().select().from(webhookDeliveries);
    expect(delivery).toMatchObject({ event: 'star', status: 'ignored' });
  });

  it('keeps a payload it cannot interpret with the reason, answers 2xx, and shows it as failed', async () => {
    expect((await post(webhookRequest('push', null, { body: 'not json {', delivery: 'broken-json' }))).status).toBe(202);
    const [example] = examplesOf('deployment_status');
    delete (example as { deployment?: unknown }).deployment;
    expect((await post(webhookRequest('deployment_status', example, { delivery: 'no-deployment' }))).status).toBe(202);
    await processAll();
    const deliveries = await db().select().from(webhookDeliveries).orderBy(webhookDeliveries.deliveryId);
    expect(deliveries.map((row) => [row.deliveryId, row.status])).toEqual([
      ['broken-json', 'failed'],
      ['no-deployment', 'failed'],
    ]);
    const kept = await db().select().from(rawPayloads).where(eq(rawPayloads.kind, 'webhook'));
    expect(kept.every((row) => row.error && row.error.length > 0)).toBe(true);
    expect(await countRows(db(), 'deployments')).toBe(0);
  });

  it('updates a pull request delivered again with a later state in place', async () => {
    const [opened] = examplesOf('pull_request').filter((example) => example.action === 'opened');
    await post(webhookRequest('pull_request', opened));
    const merged = structuredClone(opened!) as { action: string; pull_request: Record<string, unknown> };
    // Derived: the examples hold no merged pull request, so one is made from an opened one.
    Object.assign(merged, { action: 'closed' });
    Object.assign(merged.pull_request, { state: 'closed', merged: true, merged_at: '2019-05-15T16:00:00Z', closed_at: '2019-05-15T16:00:00Z' });
    await post(webhookRequest('pull_request', merged));
    await processAll();
    const rows = await db().select().from(pullRequests);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'merged' });
  });
});

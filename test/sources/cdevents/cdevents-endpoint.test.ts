import { expect, it } from 'vitest';
import { processCdeventsDelivery } from '../../../ingest/sources/cdevents/process-cdevents-delivery';
import { createApiToken } from '../../../lib/auth/create-api-token';
import { setDbHandle } from '../../../lib/db/client';
import { deployments, incidents, pipelineRuns, rejectedRequests, webhookDeliveries } from '../../../lib/db/schema';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { POST } from '../../../app/api/events/cdevents/route';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { buildMutations, example, exampleText, MAPPED_EXAMPLES } from './cdevents-fixtures';

const request = (body: string, token: string | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/events/cdevents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });

const BATCH = { 'content-type': 'application/cloudevents-batch+json' };
const structured = (event: Record<string, unknown>, id: string) => ({
  specversion: '1.0',
  id,
  source: '/ci',
  type: (event.context as { type: string }).type,
  datacontenttype: 'application/json',
  data: event,
});

describeEachBackend('POST /api/events/cdevents', ({ db, handle }) => {
  const post = async (body: string, token: string | null, headers: Record<string, string> = {}) => {
    setDbHandle(handle());
    const response = await POST(request(body, token, headers));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('accepts every conformance example with a token, once, and lands the same rows as the file import', async () => {
    const { token } = await createApiToken(db(), 'ci');
    for (const name of MAPPED_EXAMPLES) expect((await post(exampleText(name), token)).status, name).toBe(202);
    expect(await post(exampleText('service_deployed'), token)).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
    expect(await post(exampleText('artifact_published'), token)).toMatchObject({
      status: 202,
      body: { ignored: true },
    });
    for (const deliveryId of await listPendingDeliveries(db(), 'cdevents'))
      await processCdeventsDelivery({ db: db(), services: {} }, deliveryId);
    expect(
      (await db().select().from(webhookDeliveries)).every(
        (row) => row.status === 'processed' || row.status === 'ignored',
      ),
    ).toBe(true);
    expect(await countRows(db(), 'deployments')).toBe(3);
    expect(
      (await db().select({ reason: deployments.reason }).from(deployments)).map((row) => row.reason).sort(),
    ).toEqual(['planned', 'planned', 'rollback']);
    expect(await db().select({ service: incidents.service, resolvedAt: incidents.resolvedAt }).from(incidents)).toEqual(
      [{ service: 'myApp', resolvedAt: new Date('2022-11-11T13:52:20.079Z') }],
    );
    expect(await db().select({ status: pipelineRuns.status }).from(pipelineRuns)).toEqual([{ status: 'failure' }]);
  });

  it('takes binary mode (ce-* headers checked) and structured mode (the CDEvent under data)', async () => {
    const { token } = await createApiToken(db(), 'ci');
    const deployed = example('service_deployed');
    const context = deployed.context as { id: string; source: string; type: string; timestamp: string };
    const binary = {
      'ce-specversion': '1.0',
      'ce-id': context.id,
      'ce-source': context.source,
      'ce-type': context.type,
      'ce-time': context.timestamp,
    };
    expect((await post(JSON.stringify(deployed), token, binary)).status).toBe(202);
    expect(
      await post(JSON.stringify(deployed), token, { ...binary, 'ce-type': 'dev.cdevents.service.removed.0.3.0' }),
    ).toMatchObject({ status: 400, body: { error: expect.stringContaining('ce-type') } });
    const upgraded = example('service_upgraded');
    const cloudEvent = {
      specversion: '1.0',
      id: 'ce-1',
      source: '/event/source/123',
      type: (upgraded.context as { type: string }).type,
      datacontenttype: 'application/json',
      data: upgraded,
    };
    expect(
      (await post(JSON.stringify(cloudEvent), token, { 'content-type': 'application/cloudevents+json' })).status,
    ).toBe(202);
    for (const deliveryId of await listPendingDeliveries(db(), 'cdevents'))
      await processCdeventsDelivery({ db: db(), services: {} }, deliveryId);
    expect(
      (await db().select({ reason: deployments.reason, sourceId: deployments.sourceId }).from(deployments))
        .map((row) => row.sourceId.split(':')[0])
        .sort(),
    ).toEqual(['service.deployed', 'service.upgraded']);
  });

  it('refuses a missing or wrong token and invalid events (field named) before storing anything', async () => {
    const { token } = await createApiToken(db(), 'ci');
    expect(await post(exampleText('service_deployed'), null)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect((await post(exampleText('service_deployed'), 'wm_nottherealtoken')).status).toBe(401);
    // Every tenth of the mutated examples, through HTTP.
    const sample = buildMutations().filter((_, index) => index % 10 === 0);
    for (const mutation of sample) {
      const answer = await post(JSON.stringify(mutation.event), token);
      expect(answer.status, mutation.name).toBe(400);
      expect(String(answer.body.error), mutation.name).toContain(`${mutation.field}:`);
    }
    expect(await post('{"context": ', token)).toMatchObject({ status: 400 });
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    const refused = Object.fromEntries(
      (await db().select().from(rejectedRequests)).map((row) => [row.reason, row.count]),
    );
    expect(refused).toEqual({ 'bad-token': 2, 'invalid-event': sample.length + 1 });
  });

  it('takes a batch all or nothing; a bad event is refused with its index and field, nothing stored', async () => {
    const { token } = await createApiToken(db(), 'ci');
    const names = ['service_deployed', 'incident_detected', 'incident_resolved', 'pipelinerun_finished'];
    const batch = names.map((name, index) => structured(example(name), `b-${index}`));
    const broken = structuredClone(batch);
    delete ((broken[2]!.data as { subject: { content: Record<string, unknown> } }).subject.content as {
      environment?: unknown;
    }).environment;
    (broken[3]!.data as { context: Record<string, unknown> }).context.timestamp = 'yesterday';
    const refused = await post(JSON.stringify(broken), token, BATCH);
    expect(refused.status).toBe(400);
    expect(String(refused.body.error)).toContain('[2].data.subject.content.environment:');
    expect(String(refused.body.error)).toContain('[3].data.context.timestamp:');
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    expect((await post('[]', token, BATCH)).status).toBe(400);
    expect((await post(JSON.stringify(batch), token)).body.error).toContain('application/cloudevents-batch+json');

    expect(await post(JSON.stringify(batch), token, BATCH)).toMatchObject({
      status: 202,
      body: { event: 'cdevents.batch' },
    });
    expect(await post(JSON.stringify(batch), token, BATCH)).toMatchObject({ status: 200, body: { duplicate: true } });
    for (const deliveryId of await listPendingDeliveries(db(), 'cdevents'))
      await processCdeventsDelivery({ db: db(), services: {} }, deliveryId);
    expect(await countRows(db(), 'deployments')).toBe(1);
    expect(await db().select({ resolvedAt: incidents.resolvedAt }).from(incidents)).toEqual([
      { resolvedAt: new Date('2022-11-11T13:52:20.079Z') },
    ]);
    expect(await countRows(db(), 'pipeline_runs')).toBe(1);
  });

  it('needs the events:write scope, and is received at /api/events/cdevents only', async () => {
    const { token: reader } = await createApiToken(db(), 'reader', { scopes: ['read'] });
    expect(await post(exampleText('service_deployed'), reader)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    const { token } = await createApiToken(db(), 'ci');
    setDbHandle(handle());
    const old = await postWebhook('cdevents', request(exampleText('service_deployed'), token));
    expect(old.status).toBe(404);
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
  });
});

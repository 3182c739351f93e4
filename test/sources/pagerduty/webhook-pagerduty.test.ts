import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { processPagerdutyDelivery } from '../../../ingest/sources/pagerduty/process-pagerduty-delivery';
import { syncPagerduty } from '../../../ingest/sources/pagerduty/sync-pagerduty';
import { resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { incidents, rawPayloads, rejectedRequests, webhookDeliveries } from '../../../lib/db/schema';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { buildPagerdutyWorld } from '../../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import { renderWebhook, type FakeIncident } from '../../fakes/pagerduty/pagerduty-world';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import {
  CONFIGURED,
  createTestClient,
  NOW,
  readIncidentRows,
  seedWaymarkServices,
  SETTINGS,
  TOKEN,
} from './pagerduty-test-setup';

const OLD_SECRET = 'pd-old-secret';
const NEW_SECRET = 'pd-new-secret';

const signature = (body: string, secret: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A delivery as PagerDuty sends it: the body signed once per secret of the subscription, one id per webhook. */
const deliver = (
  payload: unknown,
  {
    secrets = [NEW_SECRET],
    webhookId = randomUUID() as string,
    signatureHeader = undefined as string | null | undefined,
  } = {},
) => {
  const body = JSON.stringify(payload);
  const header =
    signatureHeader === undefined ? secrets.map((secret) => signature(body, secret)).join(',') : signatureHeader;
  return new Request('http://localhost/api/webhooks/pagerduty', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'PagerDuty-Webhook/V3.0',
      'x-webhook-id': webhookId,
      ...(header === null ? {} : { 'x-pagerduty-signature': header }),
    },
    body,
  });
};

const setSecrets = (secrets: string[]) => {
  if (secrets.length) process.env.WAYMARK_PAGERDUTY_WEBHOOK_SECRETS = secrets.join(',');
  else delete process.env.WAYMARK_PAGERDUTY_WEBHOOK_SECRETS;
  resetConfig();
};

beforeAll(() => setSecrets([NEW_SECRET]));
afterAll(() => setSecrets([]));

/** Every clock event of an incident, as v3 webhooks, in the order PagerDuty sends them. */
const eventsOf = (world: ReturnType<typeof buildPagerdutyWorld>, incident: FakeIncident) => {
  const types: Record<string, string> = {
    trigger_log_entry: 'incident.triggered',
    acknowledge_log_entry: 'incident.acknowledged',
    resolve_log_entry: 'incident.resolved',
  };
  return incident.log
    .filter((entry) => types[entry.type])
    .map((entry) => {
      // The incident as it was right after this step.
      const then = { ...incident, log: incident.log.filter((earlier) => earlier.at <= entry.at) };
      return renderWebhook(world, then, types[entry.type]!, entry.at, `evt-${entry.id}`);
    });
};

describeEachBackend('POST /api/webhooks/pagerduty', ({ db, handle }) => {
  beforeEach(() => setSecrets([NEW_SECRET]));
  const post = async (request: Request) => {
    setDbHandle(handle());
    const response = await postWebhook('pagerduty', request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const processAll = async () => {
    for (const deliveryId of await listPendingDeliveries(db(), 'pagerduty'))
      await processPagerdutyDelivery({ db: db(), services: CONFIGURED }, deliveryId);
  };

  it('webhooks give the same incidents as polling the same history', async () => {
    await seedWaymarkServices(db());
    const world = buildPagerdutyWorld(NOW);
    // Three services' incidents (18, one open) keep the test short; all of them go both ways.
    world.incidents = world.incidents.slice(0, 18);
    for (const incident of world.incidents)
      for (const event of eventsOf(world, incident)) expect((await post(deliver(event))).status).toBe(202);
    await processAll();
    const hooked = await readIncidentRows(db());
    expect(hooked).toHaveLength(18);
    const fake = await startFakePagerduty(world, { token: TOKEN });
    try {
      await db().delete(incidents);
      await syncPagerduty({ db: db(), client: createTestClient(fake), settings: SETTINGS, now: NOW });
    } finally {
      await fake.close();
    }
    expect(await readIncidentRows(db())).toEqual(hooked);
  });

  it('accepts a good signature and, during a rotation, any matching one; a redelivery is a duplicate', async () => {
    await seedWaymarkServices(db());
    const world = buildPagerdutyWorld(NOW);
    const [triggered, acknowledged] = eventsOf(world, world.incidents[0]!);
    expect(await post(deliver(triggered, { webhookId: 'wh-1' }))).toMatchObject({
      status: 202,
      body: { event: 'incident.triggered' },
    });
    expect(await post(deliver(triggered, { webhookId: 'wh-1' }))).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
    // PagerDuty signs with the old and the new secret while the subscription's secret rotates; Waymark knows the new.
    expect((await post(deliver(acknowledged, { secrets: [OLD_SECRET, NEW_SECRET] }))).status).toBe(202);
    // Waymark holds both while its configuration is switched over; PagerDuty still signs with the old one only.
    setSecrets([NEW_SECRET, OLD_SECRET]);
    expect((await post(deliver(acknowledged, { secrets: [OLD_SECRET] }))).status).toBe(202);
    expect(await countRows(db(), 'webhook_deliveries')).toBe(3);
    await processAll();
    const [row] = await readIncidentRows(db());
    expect(row).toMatchObject({
      id: 'pagerduty:incident:PINC00001',
      service: 'payments',
      openedAt: world.incidents[0]!.createdAt,
      resolvedAt: null,
    });
    expect(row!.acknowledgedAt).toEqual(
      world.incidents[0]!.log.find((entry) => entry.type === 'acknowledge_log_entry')!.at,
    );
  });

  it('refuses bad, missing and other-version signatures, and all while no secret is set; nothing stored', async () => {
    const world = buildPagerdutyWorld(NOW);
    const [event] = eventsOf(world, world.incidents[0]!);
    const body = JSON.stringify(event);
    expect(await post(deliver(event, { secrets: [OLD_SECRET] }))).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect((await post(deliver(event, { signatureHeader: `v1=${'0'.repeat(64)}` }))).status).toBe(401);
    expect(
      (await post(deliver(event, { signatureHeader: signature(body, NEW_SECRET).replace('v1=', 'v0=') }))).status,
    ).toBe(401);
    expect((await post(deliver(event, { signatureHeader: signature(body, NEW_SECRET).toUpperCase() }))).status).toBe(
      401,
    );
    expect((await post(deliver(event, { signatureHeader: null }))).status).toBe(401);
    const tampered = deliver(event);
    const forged = new Request(tampered.url, {
      method: 'POST',
      headers: tampered.headers,
      body: body.replace('Incident 1', 'Incident 2'),
    });
    expect((await post(forged)).status).toBe(401);
    setSecrets([]);
    expect(await post(deliver(event))).toMatchObject({ status: 503, body: { code: 'NOT_CONFIGURED' } });
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    const refused = Object.fromEntries(
      (await db().select().from(rejectedRequests)).map((row) => [row.reason, row.count]),
    );
    expect(refused).toEqual({ 'bad-signature': 5, 'missing-signature': 1, 'no-secret-configured': 1 });
  });

  it('a delivery whose incident cannot be read fails with the field named, and writes no incident', async () => {
    const world = buildPagerdutyWorld(NOW);
    const [event] = eventsOf(world, world.incidents[0]!);
    delete (event!.event.data as { service?: unknown }).service;
    expect((await post(deliver(event))).status).toBe(202);
    await processAll();
    const [delivery] = await db().select().from(webhookDeliveries);
    expect(delivery).toMatchObject({ status: 'failed', reason: expect.stringContaining('service') });
    expect((await db().select().from(rawPayloads))[0]!.error).toMatch(/event\.data cannot be interpreted: service/);
    expect(await countRows(db(), 'incidents')).toBe(0);
  });

  it('answers a ping and ignores events Waymark does not use', async () => {
    expect(
      (
        await post(
          deliver({
            event: { id: 'p1', event_type: 'pagey.ping', occurred_at: NOW.toISOString(), data: { type: 'ping' } },
          }),
        )
      ).status,
    ).toBe(202);
    expect(
      await post(
        deliver({
          event: {
            id: 'n1',
            event_type: 'incident.annotated',
            occurred_at: NOW.toISOString(),
            data: { type: 'incident_note' },
          },
        }),
      ),
    ).toMatchObject({ status: 202, body: { ignored: true } });
    expect(await listPendingDeliveries(db(), 'pagerduty')).toEqual([]);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { processIncidentIoDelivery } from '../../../ingest/sources/incident-io/process-incident-io-delivery';
import { syncIncidentIo } from '../../../ingest/sources/incident-io/sync-incident-io';
import { resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { incidents, rawPayloads, rejectedRequests, webhookDeliveries } from '../../../lib/db/schema';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { buildIncidentIoWorld } from '../../fakes/incident-io/build-incident-io-world';
import { startFakeIncidentIo } from '../../fakes/incident-io/fake-incident-io-server';
import { renderIoWebhook, type FakeIoIncident } from '../../fakes/incident-io/incident-io-world';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { createTestClient, KEY, NOW, readIncidentRows, seedWaymarkServices, SETTINGS } from './incident-io-test-setup';

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;
const OLD_SECRET = secret();
const NEW_SECRET = secret();

/** A delivery as incident.io (Svix) sends it: one signature per secret of the endpoint, one id per message. */
const deliver = (
  payload: unknown,
  {
    secrets = [NEW_SECRET],
    id = `msg_${randomUUID()}`,
    at = new Date(),
    signatureHeader = undefined as string | null | undefined,
  } = {},
) => {
  const body = JSON.stringify(payload);
  const header =
    signatureHeader === undefined
      ? secrets.map((key) => new Webhook(key).sign(id, at, body)).join(' ')
      : signatureHeader;
  return new Request('http://localhost/api/webhooks/incident-io', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      ...(header === null ? {} : { 'webhook-signature': header }),
    },
    body,
  });
};

const setSecrets = (secrets: string[]) => {
  if (secrets.length) process.env.WAYMARK_INCIDENT_IO_WEBHOOK_SECRETS = secrets.join(',');
  else delete process.env.WAYMARK_INCIDENT_IO_WEBHOOK_SECRETS;
  resetConfig();
};

beforeAll(() => setSecrets([NEW_SECRET]));
afterAll(() => setSecrets([]));

/** An incident's life as webhooks: created (live, as it was first), then its status update once resolved. */
const eventsOf = (world: ReturnType<typeof buildIncidentIoWorld>, incident: FakeIoIncident) => {
  const created = { ...incident, category: 'live', resolvedAt: null, updatedAt: incident.createdAt };
  return [
    renderIoWebhook(world, created, 'public_incident.incident_created_v2'),
    ...(incident.resolvedAt ? [renderIoWebhook(world, incident, 'public_incident.incident_status_updated_v2')] : []),
  ];
};

describeEachBackend('POST /api/webhooks/incident-io', ({ db, handle }) => {
  beforeEach(() => setSecrets([NEW_SECRET]));
  const post = async (request: Request) => {
    setDbHandle(handle());
    const response = await postWebhook('incident-io', request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const processAll = async () => {
    for (const deliveryId of await listPendingDeliveries(db(), 'incident-io'))
      await processIncidentIoDelivery({ db: db(), settings: SETTINGS }, deliveryId);
  };

  it('webhooks give the same incidents as polling the same history', async () => {
    await seedWaymarkServices(db());
    const world = buildIncidentIoWorld(NOW);
    world.incidents = world.incidents.slice(0, 18);
    for (const incident of world.incidents)
      for (const event of eventsOf(world, incident)) expect((await post(deliver(event))).status).toBe(202);
    await processAll();
    const hooked = await readIncidentRows(db());
    expect(hooked).toHaveLength(18);
    expect(hooked.filter((row) => row.resolvedAt === null)).toHaveLength(2);
    const fake = await startFakeIncidentIo(world, { token: KEY });
    try {
      await db().delete(incidents);
      await syncIncidentIo({ db: db(), client: createTestClient(fake), settings: SETTINGS, now: NOW });
    } finally {
      await fake.close();
    }
    expect(await readIncidentRows(db())).toEqual(hooked);
  });

  it('accepts a good signature and, during a rotation, any matching one; a redelivery is a duplicate', async () => {
    await seedWaymarkServices(db());
    const world = buildIncidentIoWorld(NOW);
    const [created, resolved] = eventsOf(world, world.incidents[0]!);
    expect(await post(deliver(created, { id: 'msg_1' }))).toMatchObject({
      status: 202,
      body: { event: 'public_incident.incident_created_v2' },
    });
    expect(await post(deliver(created, { id: 'msg_1' }))).toMatchObject({ status: 200, body: { duplicate: true } });
    // The endpoint's secret is rotated: incident.io signs with the old and the new one; Waymark knows the new.
    expect((await post(deliver(resolved, { secrets: [OLD_SECRET, NEW_SECRET] }))).status).toBe(202);
    // Waymark holds both while its configuration is switched over; the delivery carries the old signature only.
    setSecrets([NEW_SECRET, OLD_SECRET]);
    expect((await post(deliver(resolved, { secrets: [OLD_SECRET] }))).status).toBe(202);
    expect(await countRows(db(), 'webhook_deliveries')).toBe(3);
    await processAll();
    const [row] = await readIncidentRows(db());
    expect(row).toMatchObject({
      id: `incident-io:incident:${world.incidents[0]!.id}`,
      service: 'payments',
      resolvedAt: world.incidents[0]!.resolvedAt,
    });
  });

  it('a late redelivery of an older state does not undo a newer one', async () => {
    await seedWaymarkServices(db());
    const world = buildIncidentIoWorld(NOW);
    const [created, resolved] = eventsOf(world, world.incidents[0]!);
    expect((await post(deliver(resolved))).status).toBe(202);
    await processAll();
    expect((await post(deliver(created))).status).toBe(202);
    await processAll();
    expect((await readIncidentRows(db()))[0]!.resolvedAt).toEqual(world.incidents[0]!.resolvedAt);
  });

  it('refuses bad, stale, missing and other-version signatures, and all while no secret is set', async () => {
    const world = buildIncidentIoWorld(NOW);
    const [event] = eventsOf(world, world.incidents[0]!);
    const body = JSON.stringify(event);
    const good = new Webhook(NEW_SECRET).sign('msg_x', new Date(), body);
    expect(await post(deliver(event, { secrets: [OLD_SECRET] }))).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect((await post(deliver(event, { id: 'msg_x', signatureHeader: `v1,${'A'.repeat(44)}` }))).status).toBe(401);
    expect((await post(deliver(event, { id: 'msg_x', signatureHeader: good.replace('v1,', 'v2,') }))).status).toBe(
      401,
    );
    // Signed correctly but ten minutes ago: outside the five-minute tolerance, so a captured delivery cannot replay.
    expect((await post(deliver(event, { at: new Date(Date.now() - 600_000) }))).status).toBe(401);
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

  it('a delivery whose incident cannot be read fails with the field named; test incidents write nothing', async () => {
    await seedWaymarkServices(db());
    const world = buildIncidentIoWorld(NOW);
    const [event] = eventsOf(world, world.incidents[0]!);
    delete (event!['public_incident.incident_created_v2'] as { incident_status?: unknown }).incident_status;
    expect((await post(deliver(event))).status).toBe(202);
    const practice = world.incidents.find((incident) => incident.mode === 'test')!;
    expect((await post(deliver(renderIoWebhook(world, practice, 'public_incident.incident_created_v2')))).status).toBe(
      202,
    );
    await processAll();
    const deliveries = await db().select().from(webhookDeliveries);
    expect(deliveries.map((row) => row.status).sort()).toEqual(['failed', 'processed']);
    expect(deliveries.find((row) => row.status === 'failed')!.reason).toContain('incident_status');
    expect((await db().select().from(rawPayloads)).some((row) => /incident_status/.test(row.error ?? ''))).toBe(true);
    expect(await countRows(db(), 'incidents')).toBe(0);
    expect(await countRows(db(), 'unmapped_records')).toBe(0);
  });

  it('ignores events Waymark does not use', async () => {
    expect(
      await post(
        deliver({ event_type: 'public_incident.follow_up_created_v2', 'public_incident.follow_up_created_v2': {} }),
      ),
    ).toMatchObject({ status: 202, body: { ignored: true } });
    expect(await listPendingDeliveries(db(), 'incident-io')).toEqual([]);
  });
});

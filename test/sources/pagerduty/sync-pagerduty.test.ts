import { afterEach, expect, it } from 'vitest';
import { syncPagerduty } from '../../../ingest/sources/pagerduty/sync-pagerduty';
import { ingestCursors, ingestRuns, unmappedRecords } from '../../../lib/db/schema';
import { getIngestStatus } from '../../../lib/runs/get-ingest-status';
import { buildPagerdutyWorld, makeIncident } from '../../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty, type FakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import { describeEachBackend } from '../../helpers/test-db';
import {
  createTestClient,
  EXPECTED_SERVICE,
  expectedRow,
  NOW,
  readIncidentRows,
  seedWaymarkServices,
  SETTINGS,
  TOKEN,
} from './pagerduty-test-setup';
import { DAY_MS } from '../../../lib/format/time-units';

let fake: FakePagerduty | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const start = async () => (fake = await startFakePagerduty(buildPagerdutyWorld(NOW), { token: TOKEN }));
const paths = (from = 0) => fake!.requests.slice(from).map((request) => request.path);

describeEachBackend('PagerDuty sync', ({ db }) => {
  it('syncs 60 incidents of 10 services: log-entry times, mapped services, the unmapped kept', async () => {
    await start();
    await seedWaymarkServices(db());
    const outcome = await syncPagerduty({ db: db(), client: createTestClient(fake!), settings: SETTINGS, now: NOW });
    const mapped = fake!.world.incidents.filter((incident) => EXPECTED_SERVICE[incident.serviceId]);
    expect(await readIncidentRows(db())).toEqual(mapped.map(expectedRow).sort((a, b) => a.id.localeCompare(b.id)));
    const unmapped = await db().select().from(unmappedRecords);
    expect(unmapped.map((row) => `${row.externalServiceId} ${row.externalServiceName}`).sort()).toEqual([
      ...Array(6).fill('PSVC009 Legacy Mainframe'),
      ...Array(6).fill('PSVC010 Data Warehouse'),
    ]);
    expect(outcome).toMatchObject({ windows: 3, incidents: 48, unmapped: 12, invalid: 0, gone: 0 });
    // 400 days in windows of ≤ 180 (the fake refuses wider ones): three windows, each one list of each kind.
    const windows = fake!.requests
      .filter((request) => request.path === '/incidents')
      .map((request) => [request.query.since, request.query.until]);
    expect(windows).toEqual([
      ['2025-04-27T00:00:00.000Z', '2025-10-24T00:00:00.000Z'],
      ['2025-10-24T00:00:00.000Z', '2026-04-22T00:00:00.000Z'],
      ['2026-04-22T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    ]);
    expect(fake!.requests.every((request) => request.status === 200)).toBe(true);
    expect(outcome.requests).toBe(fake!.requests.length);
    const [run] = await db().select().from(ingestRuns);
    expect(run).toMatchObject({
      source: 'pagerduty',
      status: 'success',
      requestsUsed: outcome.requests,
      counts: { windows: 3, incidents: 48, unmapped: 12, invalid: 0, gone: 0 },
    });
  });

  it('a second run reads only what changed: two list requests, plus one per older incident that moved', async () => {
    await start();
    await seedWaymarkServices(db());
    const first = await syncPagerduty({ db: db(), client: createTestClient(fake!), settings: SETTINGS, now: NOW });
    const quiet = await syncPagerduty({
      db: db(),
      client: createTestClient(fake!),
      settings: SETTINGS,
      now: new Date(NOW.getTime() + DAY_MS),
    });
    expect(quiet.requests).toBe(2);

    const later = new Date(NOW.getTime() + 1.5 * DAY_MS);
    const open = fake!.world.incidents.find((incident) => incident.id === 'PINC00007')!; // payments, still open
    open.log.push({ id: 'RLE900001', type: 'resolve_log_entry', at: later });
    fake!.world.incidents.push(makeIncident(61, 'PSVC005', later, { ackMinutes: 4, resolveMinutes: 50 }));
    const before = fake!.requests.length;
    const second = await syncPagerduty({
      db: db(),
      client: createTestClient(fake!),
      settings: SETTINGS,
      now: new Date(NOW.getTime() + 2 * DAY_MS),
    });
    expect(paths(before)).toEqual(['/incidents', '/log_entries', '/incidents/PINC00007']);
    expect(second).toMatchObject({ windows: 1, requests: 3 });
    const rows = await readIncidentRows(db());
    expect(rows.find((row) => row.id === 'pagerduty:incident:PINC00007')!.resolvedAt).toEqual(later);
    expect(rows.find((row) => row.id === 'pagerduty:incident:PINC00061')).toMatchObject({
      service: 'inventory',
      openedAt: later,
    });
    expect(rows).toHaveLength(49);
    // An older incident deleted in PagerDuty after its last entry: skipped, the rest of the run goes on.
    open.log.push({ id: 'RLE900002', type: 'acknowledge_log_entry', at: new Date(NOW.getTime() + 2.5 * DAY_MS) });
    fake!.faults.push({ kind: 'not-found', match: /^\/incidents\/PINC00007$/ });
    const third = await syncPagerduty({
      db: db(),
      client: createTestClient(fake!),
      settings: SETTINGS,
      now: new Date(NOW.getTime() + 3 * DAY_MS),
    });
    expect(third).toMatchObject({ windows: 1, gone: 1, requests: 3 });
    console.info(
      `PagerDuty requests: first sync ${first.requests}, unchanged second ${quiet.requests}, ` +
        `after 2 changes ${second.requests}`,
    );
  });

  it('honours 429 (waits ratelimit-reset) and ratelimit-remaining 0, and retries a 5xx', async () => {
    await start();
    await seedWaymarkServices(db());
    fake!.faults.push(
      { kind: 'rate-limited', match: /^\/log_entries/, times: 2, resetSeconds: 7 },
      { kind: 'server-error', match: /^\/incidents\?/, times: 1 },
    );
    fake!.rateLimit.remaining = 3;
    const sleeps: number[] = [];
    const outcome = await syncPagerduty({
      db: db(),
      client: createTestClient(fake!, sleeps),
      settings: SETTINGS,
      now: NOW,
    });
    expect(outcome.incidents).toBe(48);
    // The 5xx backs off 0.5 s; each 429 waits its 7 s reset; the answer that left 0 requests waits the 30 s reset.
    expect(sleeps.slice(0, 3)).toEqual([500, 7000, 7000]);
    expect(sleeps).toContain(30_000);
    expect(outcome.requests).toBe(fake!.requests.length);
  });

  it('a stopped run resumes at the window it was in, and ends with what an uninterrupted run gives', async () => {
    await start();
    await seedWaymarkServices(db());
    fake!.faults.push({ kind: 'server-error', match: /^\/log_entries\?.*since=2025-10-24/, times: 5 });
    await expect(
      syncPagerduty({ db: db(), client: createTestClient(fake!), settings: SETTINGS, now: NOW }),
    ).rejects.toThrow(/answered 500/);
    const [failed] = await db().select().from(ingestRuns);
    expect(failed).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('PagerDuty GET /log_entries answered 500'),
    });
    expect((await db().select().from(ingestCursors))[0]!.cursor).toEqual({ until: '2025-10-24T00:00:00.000Z' });
    const before = fake!.requests.length;
    const resumed = await syncPagerduty({ db: db(), client: createTestClient(fake!), settings: SETTINGS, now: NOW });
    expect(resumed.windows).toBe(2);
    expect(fake!.requests.slice(before).some((request) => request.query.since === '2025-04-27T00:00:00.000Z')).toBe(
      false,
    );
    const mapped = fake!.world.incidents.filter((incident) => EXPECTED_SERVICE[incident.serviceId]);
    expect(await readIncidentRows(db())).toEqual(mapped.map(expectedRow).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('a mapping added later moves the unmapped incidents into their service, without refetching', async () => {
    await start();
    await seedWaymarkServices(db());
    await syncPagerduty({ db: db(), client: createTestClient(fake!), settings: SETTINGS, now: NOW });
    const settings = { ...SETTINGS, services: { ...SETTINGS.services, PSVC009: 'mainframe' } };
    const again = await syncPagerduty({ db: db(), client: createTestClient(fake!), settings, now: NOW });
    expect(again).toMatchObject({ windows: 0, requests: 0, incidents: 6, unmapped: 6 });
    expect((await readIncidentRows(db())).filter((row) => row.service === 'mainframe')).toHaveLength(6);
    // The Ingest status page lists what is left, by PagerDuty service.
    const { unmapped } = await getIngestStatus({ db: db() });
    const latest = fake!.world.incidents
      .filter((incident) => incident.serviceId === 'PSVC010')
      .map((incident) => incident.createdAt.getTime());
    expect(unmapped).toEqual([
      {
        source: 'pagerduty',
        kind: 'incident',
        externalServiceId: 'PSVC010',
        externalServiceName: 'Data Warehouse',
        records: 6,
        latestAt: new Date(Math.max(...latest)),
      },
    ]);
  });
});

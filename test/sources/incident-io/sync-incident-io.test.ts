import { afterEach, expect, it } from 'vitest';
import { syncIncidentIo } from '../../../ingest/sources/incident-io/sync-incident-io';
import { ingestCursors, ingestRuns, unmappedRecords } from '../../../lib/db/schema';
import { getIngestStatus } from '../../../lib/runs/get-ingest-status';
import { buildIncidentIoWorld, makeIoIncident } from '../../fakes/incident-io/build-incident-io-world';
import { startFakeIncidentIo, type FakeIncidentIo } from '../../fakes/incident-io/fake-incident-io-server';
import { describeEachBackend } from '../../helpers/test-db';
import {
  createTestClient,
  expectedRow,
  isExpected,
  KEY,
  NOW,
  readIncidentRows,
  seedWaymarkServices,
  SETTINGS,
} from './incident-io-test-setup';
import { DAY_MS } from '../../../lib/format/time-units';

let fake: FakeIncidentIo | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const start = async () => (fake = await startFakeIncidentIo(buildIncidentIoWorld(NOW), { token: KEY }));

describeEachBackend('incident.io sync', ({ db }) => {
  const run = (now: Date, options: { settings?: typeof SETTINGS; sleeps?: number[] } = {}) =>
    syncIncidentIo({
      db: db(),
      client: createTestClient(fake!, options.sleeps),
      settings: options.settings ?? SETTINGS,
      now,
      pageSize: 25,
    });

  it('syncs 64 incidents of 10 services page by page: times, mapped services, test and declined left out', async () => {
    await start();
    await seedWaymarkServices(db());
    const outcome = await run(NOW);
    const expected = fake!.world.incidents.filter(isExpected).map(expectedRow);
    expect(expected).toHaveLength(48);
    expect(await readIncidentRows(db())).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
    const unmapped = await db().select().from(unmappedRecords);
    expect(unmapped.map((row) => `${row.externalServiceId} ${row.externalServiceName}`).sort()).toEqual([
      '(no affected service) null',
      ...Array(6).fill('01CE09 Legacy Mainframe'),
      ...Array(6).fill('01CE10 Data Warehouse'),
    ]);
    // The test and tutorial incidents never leave incident.io (its default mode filter); the declined one is read
    // and left out. 62 listed in pages of 25: three requests, each asking from the backfill horizon's day.
    expect(outcome).toMatchObject({ pages: 3, incidents: 48, unmapped: 13, skipped: 1, invalid: 0, requests: 3 });
    expect(fake!.requests.map((request) => [request.query['updated_at[gte]'], request.query.after])).toEqual([
      [['2025-04-27'], undefined],
      [['2025-04-27'], [expect.any(String)]],
      [['2025-04-27'], [expect.any(String)]],
    ]);
    const [run0] = await db().select().from(ingestRuns);
    expect(run0).toMatchObject({
      source: 'incident-io',
      status: 'success',
      requestsUsed: 3,
      counts: { pages: 3, incidents: 48, unmapped: 13, skipped: 1, invalid: 0 },
    });
    // The Ingest status page lists the unmapped ones by incident.io catalog entry.
    const { unmapped: listed } = await getIngestStatus({ db: db() });
    expect(listed.filter((row) => row.source === 'incident-io').map((row) => [row.externalServiceId, row.records]))
      .toEqual([
        ['01CE09', 6],
        ['01CE10', 6],
        ['(no affected service)', 1],
      ]);
  });

  it('a second run reads only what changed since the first began: one request each', async () => {
    await start();
    await seedWaymarkServices(db());
    const first = await run(NOW);
    const quiet = await run(new Date(NOW.getTime() + DAY_MS));
    expect(quiet).toMatchObject({ pages: 0, incidents: 0, requests: 1 });
    expect(fake!.requests.at(-1)!.query['updated_at[gte]']).toEqual(['2026-06-01']);

    const later = new Date(NOW.getTime() + 1.2 * DAY_MS);
    const open = fake!.world.incidents.find((incident) => incident.number === 7)!; // checkout, still open
    Object.assign(open, { category: 'learning', resolvedAt: later, updatedAt: later });
    fake!.world.incidents.push(makeIoIncident(65, ['01CE05'], later, { resolveMinutes: 50 }));
    const before = fake!.requests.length;
    const second = await run(new Date(NOW.getTime() + 1.5 * DAY_MS));
    expect(fake!.requests.slice(before).map((request) => request.query['updated_at[gte]'])).toEqual([['2026-06-02']]);
    expect(second).toMatchObject({ pages: 1, incidents: 2, requests: 1 });
    const rows = await readIncidentRows(db());
    expect(rows.find((row) => row.id === `incident-io:incident:${open.id}`)).toMatchObject({
      service: 'checkout',
      resolvedAt: later,
    });
    expect(rows.find((row) => row.id === 'incident-io:incident:01INC00065')).toMatchObject({
      service: 'inventory',
      openedAt: later,
    });
    expect(rows).toHaveLength(49);
    expect((await db().select().from(ingestCursors))[0]!.cursor).toEqual({
      updatedSince: new Date(NOW.getTime() + 1.5 * DAY_MS).toISOString(),
    });
    console.info(
      `incident.io requests: first sync ${first.requests}, unchanged second ${quiet.requests}, ` +
        `after 2 changes ${second.requests}`,
    );
  });

  it('waits Retry-After on a 429, backs off and retries a 5xx; a run that fails keeps its cursor', async () => {
    await start();
    await seedWaymarkServices(db());
    fake!.faults.push(
      { kind: 'rate-limited', match: /after=/, times: 2, retryAfterSeconds: 7 },
      { kind: 'server-error', times: 1 },
    );
    const sleeps: number[] = [];
    const outcome = await run(NOW, { sleeps });
    expect(outcome).toMatchObject({ incidents: 48, requests: 6 });
    expect(sleeps).toEqual([500, 7000, 7000]);
    expect(fake!.requests.map((request) => request.status)).toEqual([500, 200, 429, 429, 200, 200]);

    fake!.faults.push({ kind: 'server-error', times: 5 });
    await expect(run(new Date(NOW.getTime() + DAY_MS))).rejects.toThrow(/answered 500: Internal server error/);
    const runs = await db().select().from(ingestRuns);
    expect(runs.find((row) => row.status === 'failed')).toMatchObject({
      error: expect.stringContaining('incident.io GET /v2/incidents answered 500'),
    });
    // The cursor stays at the first run's start: the next run reads the same day again.
    expect((await db().select().from(ingestCursors))[0]!.cursor).toEqual({ updatedSince: NOW.toISOString() });
  });

  it('a mapping added later moves the unmapped incidents into their service, without refetching them', async () => {
    await start();
    await seedWaymarkServices(db());
    await run(NOW);
    const settings = { ...SETTINGS, services: { ...SETTINGS.services, '01CE09': 'mainframe' } };
    const again = await run(NOW, { settings });
    expect(again).toMatchObject({ pages: 0, requests: 1, incidents: 6, unmapped: 7 });
    expect((await readIncidentRows(db())).filter((row) => row.service === 'mainframe')).toHaveLength(6);
  });
});

import { afterEach, expect, it } from 'vitest';
import { syncIncidentIo } from '../../../ingest/sources/incident-io/sync-incident-io';
import { IO_ENTRIES, makeIoIncident } from '../../fakes/incident-io/build-incident-io-world';
import { startFakeIncidentIo, type FakeIncidentIo } from '../../fakes/incident-io/fake-incident-io-server';
import type { FakeIoIncident } from '../../fakes/incident-io/incident-io-world';
import { describeEachBackend } from '../../helpers/test-db';
import { commit, deploy, h, load, metricsFor, sha } from '../../metrics/metrics-fixtures';
import { HOUR_SECONDS } from '../../../lib/format/time-units';
import { createTestClient, KEY, seedWaymarkServices, SETTINGS } from './incident-io-test-setup';

let fake: FakeIncidentIo | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const at = (hours: number) => new Date(h(hours));
const PAYMENTS = '01CE01';
const sync = async (incidents: FakeIoIncident[], db: Parameters<typeof syncIncidentIo>[0]['db']) => {
  fake = await startFakeIncidentIo({ entries: IO_ENTRIES.map((entry) => ({ ...entry })), incidents }, { token: KEY });
  const settings = { ...SETTINGS, backfillDays: 30 };
  await syncIncidentIo({ db, client: createTestClient(fake), settings, now: at(100) });
};

describeEachBackend('DORA metrics from incident.io incidents', ({ db }) => {
  it('change failure rate and recovery time equal the hand-computed figures', async () => {
    // Payments deploys d1…d5 at 10, 20, 30, 40, 50 h. Its catalog entry ("Payments API", mapped by annotation) has:
    // I1 reported 12 h, resolved 15 h → fails d1, recovered after 5 h; I2 33 → 34 h and I3 35 → 39 h both fail d3,
    // recovered at the later resolve, 39 h: 9 h; I4 reported 41 h, resolved 43 h, now in post-incident (learning)
    // → fails d4, recovered after 3 h; I5 52 h, live → fails d5, not recovered. I6 (21 h) is of an unmapped entry
    // and I7 (23 h) was declined: neither fails d2. Change failure rate 4 / 5 = 0.8; recovery p50 of 3, 5 and 9 h
    // = 5 h; time to restore over 3, 1, 4 and 2 h = 2.5 h (p50 interpolated between 2 and 3 h).
    await seedWaymarkServices(db());
    await load(db(), [deploy('d1', 10), deploy('d2', 20), deploy('d3', 30), deploy('d4', 40), deploy('d5', 50)]);
    await sync(
      [
        makeIoIncident(1, [PAYMENTS], at(12), { resolveMinutes: 180 }),
        makeIoIncident(2, [PAYMENTS], at(33), { resolveMinutes: 60 }),
        makeIoIncident(3, [PAYMENTS], at(35), { resolveMinutes: 240 }),
        makeIoIncident(4, [PAYMENTS], at(41), { resolveMinutes: 120, category: 'learning' }),
        makeIoIncident(5, [PAYMENTS], at(52)),
        makeIoIncident(6, ['01CE09'], at(21), { resolveMinutes: 30 }),
        makeIoIncident(7, [PAYMENTS], at(23), { category: 'declined' }),
      ],
      db(),
    );
    const metrics = await metricsFor(db(), { service: 'payments' }, 0, 100);
    expect(metrics.changeFailureRate).toMatchObject({ deployments: 5, failed: 4, rate: 0.8 });
    expect(metrics.recoveryTime).toMatchObject({ failed: 4, recovered: 3, p50Seconds: 5 * HOUR_SECONDS });
    expect(metrics.timeToRestore).toMatchObject({ incidents: 4, p50Seconds: 2.5 * HOUR_SECONDS });
  });

  it('an incident whose custom field names a commit fails the deployment that shipped it, not the latest', async () => {
    // d1 (10 h) shipped c1, d2 (20 h) shipped c2. The incident reported at 25 h names c1 in its "Notes" field: it
    // fails d1 and recovers at its resolve, 27 h: 17 h (by rule b it would fail d2 and recover after 7 h).
    await seedWaymarkServices(db());
    await load(db(), [
      deploy('d1', 10, { commits: [commit('c1', 5)] }),
      deploy('d2', 20, { commits: [commit('c2', 15)] }),
    ]);
    const named = makeIoIncident(1, [PAYMENTS], at(25), { resolveMinutes: 120 });
    named.notes = `Caused by commit ${sha('c1')}`;
    await sync([named], db());
    const metrics = await metricsFor(db(), { service: 'payments' }, 0, 100);
    expect(metrics.changeFailureRate).toMatchObject({ deployments: 2, failed: 1 });
    expect(metrics.recoveryTime).toMatchObject({ failed: 1, recovered: 1, p50Seconds: 17 * HOUR_SECONDS });
  });
});

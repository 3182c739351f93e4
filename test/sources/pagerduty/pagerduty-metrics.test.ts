import { afterEach, expect, it } from 'vitest';
import { syncPagerduty } from '../../../ingest/sources/pagerduty/sync-pagerduty';
import { makeIncident, PAGERDUTY_SERVICES } from '../../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty, type FakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import type { FakePagerdutyWorld } from '../../fakes/pagerduty/pagerduty-world';
import { describeEachBackend } from '../../helpers/test-db';
import { commit, deploy, h, load, metricsFor, sha } from '../../metrics/metrics-fixtures';
import { HOUR_SECONDS } from '../../../lib/format/time-units';
import { createTestClient, seedWaymarkServices, SETTINGS, TOKEN } from './pagerduty-test-setup';

let fake: FakePagerduty | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const at = (hours: number) => new Date(h(hours));

/**
 * Payments deploys at 10, 20, 30, 40 and 50 h; its PagerDuty service ("Payments API", mapped by annotation) has:
 * I1 triggered 12 h, acknowledged 12.25 h, resolved 15 h → fails d1 (10 h), recovered after 5 h;
 * I2 33 h → 34 h and I3 35 h, resolved 36 h, reopened 37 h, resolved 39 h → both fail d3 (30 h), recovered when the
 * last is resolved: 39 h, after 9 h (not 6 h: a reopened incident was not over at its first resolve);
 * I4 52 h, still open → fails d5 (50 h), not recovered. I5 21 h belongs to an unmapped PagerDuty service: it fails
 * nothing (d2 stays good). Change failure rate 3 / 5 = 0.6; recovery p50 of 5 h and 9 h = 7 h; time to restore over
 * I1 (3 h), I2 (1 h), I3 (4 h, from its first trigger) = 3 h.
 */
const buildWorld = (): FakePagerdutyWorld => {
  const i1 = makeIncident(1, 'PSVC001', at(12), { ackMinutes: 15, resolveMinutes: 180 });
  const i2 = makeIncident(2, 'PSVC001', at(33), { resolveMinutes: 60 });
  const i3 = makeIncident(3, 'PSVC001', at(35), { resolveMinutes: 60 });
  i3.log.push(
    { id: 'RLE-I3-REOPEN', type: 'trigger_log_entry', at: at(37) },
    { id: 'RLE-I3-RESOLVE', type: 'resolve_log_entry', at: at(39) },
  );
  const i4 = makeIncident(4, 'PSVC001', at(52), { ackMinutes: 5 });
  const i5 = makeIncident(5, 'PSVC009', at(21), { resolveMinutes: 30 });
  return { services: PAGERDUTY_SERVICES.map((service) => ({ ...service })), incidents: [i1, i2, i3, i4, i5] };
};

describeEachBackend('DORA metrics from PagerDuty incidents', ({ db }) => {
  it('change failure rate and recovery time equal the hand-computed figures', async () => {
    fake = await startFakePagerduty(buildWorld(), { token: TOKEN });
    await seedWaymarkServices(db());
    await load(db(), [deploy('d1', 10), deploy('d2', 20), deploy('d3', 30), deploy('d4', 40), deploy('d5', 50)]);
    await syncPagerduty({
      db: db(),
      client: createTestClient(fake),
      settings: { ...SETTINGS, backfillDays: 30 },
      now: at(100),
    });
    const metrics = await metricsFor(db(), { service: 'payments' }, 0, 100);
    expect(metrics.changeFailureRate).toMatchObject({ deployments: 5, failed: 3, rate: 0.6 });
    expect(metrics.recoveryTime).toMatchObject({ failed: 3, recovered: 2, p50Seconds: 7 * HOUR_SECONDS });
    expect(metrics.timeToRestore).toMatchObject({ incidents: 3, p50Seconds: 3 * HOUR_SECONDS });
  });

  it('an incident whose title names a commit fails the deployment that shipped it, not the latest', async () => {
    // d1 (10 h) shipped c1, d2 (20 h) shipped c2. The incident opened at 25 h names c1: it fails d1, which recovers
    // at its resolve, 27 h: 17 h. Without the name it would fail d2 (latest before 25 h) and recover after 7 h.
    const named = makeIncident(1, 'PSVC001', at(25), { resolveMinutes: 120 });
    named.title = `Refunds fail since commit ${sha('c1')}`;
    fake = await startFakePagerduty(
      { services: PAGERDUTY_SERVICES.map((service) => ({ ...service })), incidents: [named] },
      { token: TOKEN },
    );
    await seedWaymarkServices(db());
    await load(db(), [
      deploy('d1', 10, { commits: [commit('c1', 5)] }),
      deploy('d2', 20, { commits: [commit('c2', 15)] }),
    ]);
    await syncPagerduty({
      db: db(),
      client: createTestClient(fake),
      settings: { ...SETTINGS, backfillDays: 30 },
      now: at(100),
    });
    const metrics = await metricsFor(db(), { service: 'payments' }, 0, 100);
    expect(metrics.changeFailureRate).toMatchObject({ deployments: 2, failed: 1 });
    expect(metrics.recoveryTime).toMatchObject({ failed: 1, recovered: 1, p50Seconds: 17 * HOUR_SECONDS });
  });
});

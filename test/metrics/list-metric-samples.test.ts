import { expect, it } from 'vitest';
import { importEvents } from '../../ingest/sources/events/import-events';
import { computePercentile } from '../../lib/impact/compute-percentile';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { listMetricSamples } from '../../lib/metrics/list-metric-samples';
import { seededRandom } from '../../lib/random/seeded-random';
import { asLines } from '../helpers/event-input';
import { describeEachBackend } from '../helpers/test-db';

const START = Date.parse('2026-09-01T00:00:00Z');
const WINDOW = { from: new Date('2026-09-10T00:00:00Z'), to: new Date('2026-10-20T00:00:00Z') };

/** Deployments with commits (some shipped twice), failures by incident and by rollback, a staging deploy. */
const generateRecords = () => {
  const random = seededRandom(5);
  const records: unknown[] = [];
  const hex = () => Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('');
  for (let service = 0; service < 4; service++) {
    let carried: string[] = [];
    for (let index = 0; index < 40; index++) {
      const finishedAt = START + index * 86_400_000 + service * 3600_000;
      const fresh = [hex(), hex()];
      const commits = [...carried, ...fresh].map((sha) => ({ sha, authoredAt: new Date(finishedAt - random() * 5 * 86_400_000).toISOString() }));
      carried = random() < 0.3 ? fresh : [];
      const id = `s${service}-d${index}`;
      records.push({ kind: 'deployment', id, service: `svc-${service}`, environment: random() < 0.1 ? 'staging' : 'production', status: 'success', finishedAt: new Date(finishedAt).toISOString(), commits });
      if (random() < 0.15) records.push({ kind: 'incident', id: `i-${id}`, service: `svc-${service}`, openedAt: new Date(finishedAt + 3600_000).toISOString(), resolvedAt: new Date(finishedAt + 7200_000 + random() * 3600_000).toISOString() });
      if (random() < 0.05) records.push({ kind: 'deployment', id: `${id}-rb`, service: `svc-${service}`, environment: 'production', status: 'success', rollbackOf: id, finishedAt: new Date(finishedAt + 1800_000).toISOString() });
    }
  }
  return records;
};

describeEachBackend('listMetricSamples', ({ db }) => {
  it('gives, per service, exactly the samples behind getDoraMetrics', async () => {
    await importEvents({ db: db(), input: asLines(generateRecords()) });
    const samples = await listMetricSamples({ db: db(), scope: { org: true }, window: WINDOW });
    expect([...samples.keys()].sort()).toEqual(['svc-0', 'svc-1', 'svc-2', 'svc-3']);
    for (const [service, own] of samples) {
      const figures = await getDoraMetrics({ db: db(), scope: { service }, window: WINDOW });
      expect(own.leadTimes.length).toBe(figures.leadTime.changes);
      // getDoraMetrics reports whole seconds.
      expect(Math.round(computePercentile(own.leadTimes.map((sample) => sample.seconds), 0.5)!)).toBe(figures.leadTime.p50Seconds);
      expect(own.deployments.length).toBe(figures.deploymentFrequency.deployments);
      expect(own.deployments.filter((deployment) => deployment.failed).length).toBe(figures.changeFailureRate.failed);
      expect(own.recoveries.length).toBe(figures.recoveryTime.recovered);
      if (own.recoveries.length > 0) expect(Math.round(computePercentile(own.recoveries.map((sample) => sample.seconds), 0.5)!)).toBe(figures.recoveryTime.p50Seconds);
      const times = own.leadTimes.map((sample) => sample.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});

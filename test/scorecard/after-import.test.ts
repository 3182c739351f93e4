import { expect, it } from 'vitest';
import { ingestEvents } from '../../ingest/sources/events/ingest-events';
import { getDefaultWindow } from '../../lib/metrics/get-default-window';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { DEFAULT_STANDARDS_YAML } from '../../lib/scorecard/default-standards';
import { loadMetricFigures } from '../../lib/scorecard/load-metric-figures';
import { loadLatestCheckResults } from '../../lib/scorecard/load-latest-check-results';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { asLines } from '../helpers/event-input';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';
import { daysBefore, deploymentRecord, factsRecord, serviceRecord } from './helpers/ingest';

const standards = parseStandards(DEFAULT_STANDARDS_YAML, 'built-in');
const repository = { defaultBranch: 'main', headSha: 'abc', paths: ['README.md', 'CODEOWNERS'], files: {}, truncated: false };

describeEachBackend('re-evaluation after an import', ({ db }) => {
  it('re-evaluates the services an import changed, and nothing when it changed nothing', async () => {
    const now = new Date();
    const records = [serviceRecord('payments'), serviceRecord('orders'), factsRecord('payments', daysBefore(now, 1), { repository }), deploymentRecord('payments', daysBefore(now, 2))];
    await ingestEvents({ db: db(), input: asLines(records), scope: 'test' });
    const after = await loadLatestCheckResults(db(), null);
    expect(after.get('payments|readme')).toMatchObject({ status: 'pass' });
    expect(after.get('payments|deploys-recently')).toMatchObject({ status: 'pass' });
    expect(after.get('orders|readme')).toMatchObject({ status: 'unknown' });
    const rows = await countRows(db(), 'check_results');
    expect(rows).toBe(20);

    await ingestEvents({ db: db(), input: asLines(records), scope: 'test' });
    expect(await countRows(db(), 'check_results')).toBe(rows);

    // Only the service the import named is evaluated again.
    await ingestEvents({ db: db(), input: asLines([factsRecord('orders', now, { repository })]), scope: 'test' });
    const latest = await loadLatestCheckResults(db(), null);
    expect(latest.get('orders|readme')).toMatchObject({ status: 'pass' });
    expect(latest.get('payments|readme')!.evaluatedAt).toEqual(after.get('payments|readme')!.evaluatedAt);
  });

  it('gives metric rules exactly the figures getDoraMetrics answers for each service', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const sha = (n: number) => n.toString(16).padStart(40, '0');
    const records: unknown[] = [serviceRecord('a'), serviceRecord('b'), serviceRecord('c')];
    for (let day = 1; day <= 20; day++) {
      for (const [index, service] of ['a', 'b'].entries()) {
        const finished = daysBefore(now, day + index / 2);
        const id = `${service}-${day}`;
        records.push(deploymentRecord(service, finished, { id, commitSha: sha(day * 10 + index), commits: [{ sha: sha(day * 10 + index), authoredAt: new Date(finished.getTime() - (day + 1) * 3_600_000).toISOString() }] }));
        if (day % (index + 3) === 0) records.push({ kind: 'incident', id: `i-${id}`, service, openedAt: new Date(finished.getTime() + 600_000).toISOString(), resolvedAt: new Date(finished.getTime() + 5_400_000).toISOString(), causedBy: id });
      }
    }
    await ingestEvents({ db: db(), input: asLines(records), scope: 'test' });
    const figures = await loadMetricFigures({ db: db(), standards, services: ['a', 'b', 'c'], asOf: now });
    for (const service of ['a', 'b', 'c']) {
      const metrics = await getDoraMetrics({ db: db(), scope: { service }, window: getDefaultWindow({ now, days: 30 }) });
      expect(figures.get(service)![30]).toEqual({
        leadTimeP50Hours: metrics.leadTime.p50Seconds === null ? null : metrics.leadTime.p50Seconds / 3600,
        leadTimeP90Hours: metrics.leadTime.p90Seconds === null ? null : metrics.leadTime.p90Seconds / 3600,
        deploymentsPerDay: metrics.deploymentFrequency.perDay,
        changeFailureRate: metrics.changeFailureRate.rate,
        recoveryTimeP50Hours: metrics.recoveryTime.p50Seconds === null ? null : metrics.recoveryTime.p50Seconds / 3600,
        timeToRestoreP50Hours: metrics.timeToRestore.p50Seconds === null ? null : metrics.timeToRestore.p50Seconds / 3600,
        reworkRate: metrics.reworkRate.rate,
      });
    }
    expect(figures.get('a')![30]!.changeFailureRate).toBeGreaterThan(0);
    expect(figures.get('c')![30]!.leadTimeP50Hours).toBeNull();
  });
});

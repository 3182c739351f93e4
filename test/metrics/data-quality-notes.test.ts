import { expect, it } from 'vitest';
import { getDataQualityNotes } from '../../lib/metrics/get-data-quality-notes';
import { finishIngestRun, startIngestRun } from '../../lib/runs/record-ingest-run';
import { describeEachBackend } from '../helpers/test-db';
import { commit, deploy, h, load } from './metrics-fixtures';

const DAY_HOURS = 24;
const window = (fromHours: number, toHours: number) => ({ from: new Date(h(fromHours)), to: new Date(h(toHours)) });

describeEachBackend('getDataQualityNotes', ({ db }) => {
  it('says nothing about a plausible history', async () => {
    await load(db(), [
      { kind: 'service', name: 'payments', team: 'core' },
      deploy('d0', -10 * DAY_HOURS, { commits: [commit('a', -11 * DAY_HOURS)] }),
      deploy('d1', 10, { commits: [commit('b', 2)] }),
    ]);
    expect(await getDataQualityNotes({ db: db(), scope: { org: true }, window: window(0, 30 * DAY_HOURS) })).toEqual([]);
  });

  it('counts lead-time samples older than a year and names the deployment that carried most', async () => {
    await load(db(), [
      { kind: 'service', name: 'payments', team: 'core' },
      deploy('d0', -30 * DAY_HOURS, { commits: [commit('x', -31 * DAY_HOURS)] }),
      deploy('v5', 10, { commits: [commit('old1', -400 * DAY_HOURS), commit('old2', -800 * DAY_HOURS), commit('new', 1)] }),
      deploy('v6', 20, { commits: [commit('old3', -366 * DAY_HOURS - 30), commit('new2', 15)] }),
    ]);
    const notes = await getDataQualityNotes({ db: db(), scope: { service: 'payments' }, window: window(0, 30 * DAY_HOURS) });
    expect(notes.map((note) => note.kind)).toEqual(['old-samples']);
    // Five samples in the window, three older than a year; v5 carried two of them; the oldest from 800 days before.
    expect(notes[0]!.text).toBe(
      `3 lead-time samples of 5 are commits more than a year old (the oldest from 23 Dec 2023); 2 of them first shipped in v5.`,
    );
    expect(notes[0]!.fix).toMatch(/--deploy-tags/);
  });

  it('names services whose first deployment falls inside the window, only those in scope', async () => {
    await load(db(), [
      { kind: 'service', name: 'payments', team: 'core' },
      { kind: 'service', name: 'ledger', team: 'core' },
      { kind: 'service', name: 'search', team: 'discovery' },
      deploy('p0', -5 * DAY_HOURS),
      deploy('p1', 5),
      deploy('l1', 10 * DAY_HOURS, { service: 'ledger' }),
      // Within a week of the start: too close to matter (all time starts on the first deployment's day).
      deploy('s0', 2 * DAY_HOURS, { service: 'search' }),
      deploy('l-staging', -9 * DAY_HOURS, { service: 'ledger', environment: 'staging' }),
      deploy('s1', 4 * DAY_HOURS, { service: 'search' }),
    ]);
    const notes = await getDataQualityNotes({ db: db(), scope: { team: 'core' }, window: window(0, 30 * DAY_HOURS) });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe('first-deployment-in-window');
    // A staging deployment before the window does not count: ledger's first production deployment is day 10.
    expect(notes[0]!.text).toMatch(/^1 service first deployed inside this period: ledger \(12 Mar 2026\)\./);
    expect(await getDataQualityNotes({ db: db(), scope: { service: 'search' }, window: window(0, 30 * DAY_HOURS) })).toEqual([]);
  });

  it('reports a git ingest whose rule read fewer than half of the tags', async () => {
    await load(db(), [{ kind: 'service', name: 'express', team: 'web' }]);
    const run = await startIngestRun(db(), { job: 'git', source: 'git', scope: 'express' });
    await finishIngestRun(db(), run, { status: 'success', counts: { tags: 304, 'tags not matching': 295 } });
    const notes = await getDataQualityNotes({ db: db(), scope: { org: true }, window: window(0, 30 * DAY_HOURS) });
    expect(notes.map((note) => note.text)).toEqual(['The deployment rule read fewer than half of the tags as deployments: express (9 of 304 tags).']);
    const fine = await startIngestRun(db(), { job: 'git', source: 'git', scope: 'express' });
    await finishIngestRun(db(), fine, { status: 'success', counts: { tags: 304, 'tags not matching': 41 } });
    expect(await getDataQualityNotes({ db: db(), scope: { org: true }, window: window(0, 30 * DAY_HOURS) })).toEqual([]);
  });
});

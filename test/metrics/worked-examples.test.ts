import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { changes, incidents, pullRequests } from '../../lib/db/schema';
import { isAppError } from '../../lib/errors';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { describeEachBackend } from '../helpers/test-db';
import { commit, deploy, h, incident, load, metricsFor, sha } from './metrics-fixtures';
import { DAY_SECONDS, HOUR_SECONDS } from '../../lib/format/time-units';

// The examples of METRICS.md, one per rule; the expected figures are worked out by hand in the comments.
// Hours count from Monday 2026-03-02 00:00 UTC; a window of [0, 168) is exactly one ISO week.

describeEachBackend('worked examples', ({ db }) => {
  it('counts only successful production deployments, matching the pattern case-insensitively', async () => {
    await load(db(), [
      deploy('d1', 10),
      deploy('d2', 11, { environment: 'PROD' }),
      deploy('d3', 12, { environment: 'staging' }),
      deploy('d4', 13, { status: 'failure' }),
      deploy('d5', 14, { status: 'cancelled' }),
      { kind: 'deployment', id: 'd6', service: 'payments', environment: 'production', status: 'in_progress' },
      deploy('d7', 15, { environment: 'live' }),
    ]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // d1 and d2 over 7 days; both on Monday, so the one full week has 1 deployment day.
    expect(m.deploymentFrequency).toEqual({ deployments: 2, perDay: 0.286, medianDeployDaysPerWeek: 1, medianDeployDaysPerMonth: null, tier: 'high' });
    const live = await metricsFor(db(), { service: 'payments' }, 0, 168, { productionEnvironmentPattern: '^(prod|production|live)$' });
    expect(live.deploymentFrequency.deployments).toBe(3);
  });

  it('selects deployments by finishedAt in the half-open window [from, to)', async () => {
    await load(db(), [deploy('at-from', 24), deploy('inside', 30), deploy('at-to', 48)]);
    const m = await metricsFor(db(), { service: 'payments' }, 24, 48);
    expect(m.deploymentFrequency.deployments).toBe(2);
    expect(m.deploymentFrequency.perDay).toBe(2);
    // Less than a full week: no weekly median, so no tier.
    expect(m.deploymentFrequency.tier).toBeNull();
  });

  it('counts each commit once, at the first counted deployment that shipped it, with interpolated percentiles', async () => {
    await load(db(), [
      // A failed run carried c1 first: it never reached production, so d1 still ships c1.
      deploy('failed-run', 5, { status: 'failure', commits: [commit('c1', 9)] }),
      deploy('d1', 10, { commits: [commit('c1', 9), commit('c2', 8)] }),
      // c2 again (a redeploy): not a new change. c3 authored 4 h before, c4 10 h before.
      deploy('d2', 20, { commits: [commit('c2', 8), commit('c3', 16), commit('c4', 10)] }),
      // Authored after the deployment (clock skew): dropped. Authored at the same instant: 0 s, kept.
      deploy('d3', 30, { commits: [commit('c5', 31), commit('c6', 30)] }),
    ]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // d1.c1 = 1 h, d1.c2 = 2 h, d2.c3 = 4 h, d2.c4 = 10 h, d3.c6 = 0 h. Sorted: 0, 1, 2, 4, 10 h.
    // p50 = 2 h = 7200 s; p90 at rank 0.9 × 4 = 3.6: 4 h + 0.6 × (10 h − 4 h) = 7.6 h = 27360 s.
    expect(m.leadTime).toEqual({ changes: 5, p50Seconds: 7200, p90Seconds: 27360, tier: 'elite' });
  });

  it('does not count commits a deployment before the window already shipped', async () => {
    await load(db(), [deploy('before', 2, { commits: [commit('old', 0)] }), deploy('inside', 30, { commits: [commit('old', 0), commit('new', 6)] })]);
    const m = await metricsFor(db(), { service: 'payments' }, 24, 168);
    expect(m.leadTime).toMatchObject({ changes: 1, p50Seconds: 24 * HOUR_SECONDS });
  });

  it('attributes incidents: named deployment, latest deployment within the attribution window, rollbacks', async () => {
    await load(db(), [
      incident('before-any-deployment', 1, 2),
      deploy('d1', 10),
      deploy('d2', 20),
      deploy('d3', 30),
      deploy('d4', 40),
      deploy('d5', 50),
      deploy('d6', 60),
      // (a) names d1 although d2 is the latest deployment when it opens.
      incident('named', 25, 26, { causedBy: 'd1' }),
      // (b) opened exactly at d3's finish: d3 is the latest deployment with finishedAt ≤ t.
      incident('at-finish', 30, 31),
      // (c) d5 is rolled back by d6.
      deploy('d6-rollback', 61, { rollbackOf: 'd5', reason: 'rollback' }),
      { ...incident('other-service', 41, 42), service: 'search' },
    ]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // Failed: d1 (named), d3 (latest before), d5 (rolled back) = 3 of 7 (d6-rollback counts as a deployment too).
    expect(m.changeFailureRate).toEqual({ deployments: 7, failed: 3, rate: 0.4286, tier: 'low' });
  });

  it('bounds attribution by the attribution window, inclusive', async () => {
    await load(db(), [deploy('d1', 0), incident('edge', 168, null), deploy('d2', 200), incident('late', 368.01, null)]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 400);
    // 168 h after d1: attributed (≤ 168 h). 168.01 h after d2: not.
    expect(m.changeFailureRate).toMatchObject({ deployments: 2, failed: 1 });
    const shorter = await metricsFor(db(), { service: 'payments' }, 0, 400, { attributionWindowHours: 100 });
    expect(shorter.changeFailureRate.failed).toBe(0);
  });

  it('decides failure regardless of the window: an incident after the window still fails a deployment in it', async () => {
    await load(db(), [deploy('d1', 160), incident('next-week', 170, 171)]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    expect(m.changeFailureRate).toMatchObject({ deployments: 1, failed: 1 });
    expect(m.recoveryTime).toMatchObject({ failed: 1, recovered: 1, p50Seconds: 11 * HOUR_SECONDS });
    // The incident is resolved after the window: it is not a restore of this window.
    expect(m.timeToRestore).toEqual({ incidents: 0, p50Seconds: null });
  });

  it('attributes an incident naming a commit to the first counted deployment that shipped it', async () => {
    await load(db(), [
      deploy('d1', 10, { commits: [commit('bad', 5)] }),
      deploy('d2', 20, { commits: [commit('bad', 5), commit('x', 15)] }),
      deploy('d3', 30, { commitSha: sha('head') }),
      incident('by-sha', 40, 41),
      incident('by-head', 42, 44),
    ]);
    await db().update(incidents).set({ causedBySha: sha('bad') }).where(eq(incidents.id, 'events:incident:by-sha'));
    await db().update(incidents).set({ causedBySha: sha('head').toUpperCase() }).where(eq(incidents.id, 'events:incident:by-head'));
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // by-sha fails d1 (not d2, which shipped it again; not d3, the latest); by-head fails d3 through its commitSha.
    expect(m.changeFailureRate).toMatchObject({ deployments: 3, failed: 2 });
    // d1: 41 − 10 = 31 h; d3: 44 − 30 = 14 h; median 22.5 h.
    expect(m.recoveryTime).toEqual({ failed: 2, recovered: 2, p50Seconds: 22.5 * HOUR_SECONDS, tier: 'high' });
  });

  it('recovers at the earlier of the first rollback and the last resolution, only when every incident is resolved', async () => {
    await load(db(), [
      deploy('a', 10),
      incident('a1', 11, 15, { causedBy: 'a' }),
      incident('a2', 12, 18, { causedBy: 'a' }),
      deploy('b', 20),
      incident('b1', 21, null, { causedBy: 'b' }),
      deploy('c', 30),
      incident('c1', 31, 50, { causedBy: 'c' }),
      deploy('c-rollback', 32, { rollbackOf: 'c' }),
    ]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // a: last resolution 18 − 10 = 8 h. b: still open, no rollback: not recovered. c: rollback at 32 − 30 = 2 h.
    expect(m.recoveryTime).toEqual({ failed: 3, recovered: 2, p50Seconds: 5 * HOUR_SECONDS, tier: 'high' });
    // a1 4 h, a2 6 h, c1 19 h: median 6 h.
    expect(m.timeToRestore).toEqual({ incidents: 3, p50Seconds: 6 * HOUR_SECONDS });
  });

  it('counts rework: rollbacks, hotfixes, and deployments shipping a labelled or revert pull request', async () => {
    await load(db(), [
      deploy('planned', 1, { reason: 'planned' }),
      deploy('hotfix', 2, { reason: 'hotfix' }),
      deploy('rollback-reason', 3, { reason: 'rollback' }),
      deploy('rollback-of', 4, { rollbackOf: 'planned' }),
      deploy('labelled', 5, { commits: [commit('fix', 4)] }),
      deploy('revert', 6, { commits: [commit('revert', 5)] }),
      deploy('feature', 7, { commits: [commit('feature', 6)] }),
      // Ships the labelled commit again: not a new hotfix.
      deploy('redeploy', 8, { commits: [commit('fix', 4)] }),
    ]);
    const pr = (id: string, labels: string[], isRevert: boolean) =>
      db().insert(pullRequests).values({ id, source: 'github', sourceId: id, service: 'payments', state: 'merged', labels, isRevert, openedAt: new Date(h(0)) });
    await pr('pr-fix', ['Bug'], false);
    await pr('pr-revert', [], true);
    await pr('pr-feature', ['feature'], false);
    for (const [label, id] of [['fix', 'pr-fix'], ['revert', 'pr-revert'], ['feature', 'pr-feature']] as const) {
      await db().update(changes).set({ pullRequestId: id }).where(eq(changes.sha, sha(label)));
    }
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // hotfix, rollback-reason, rollback-of, labelled, revert = 5 of 8.
    expect(m.reworkRate).toEqual({ deployments: 8, rework: 5, rate: 0.625 });
    const noLabels = await metricsFor(db(), { service: 'payments' }, 0, 168, { reworkLabels: [] });
    expect(noLabels.reworkRate.rework).toBe(4);
  });

  it('reports null, never 0, for figures without samples', async () => {
    await load(db(), [{ kind: 'service', name: 'payments', team: 'core' }]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 24 * 31);
    expect(m).toMatchObject({
      deploymentFrequency: { deployments: 0, perDay: null, medianDeployDaysPerWeek: null, medianDeployDaysPerMonth: null, tier: null },
      leadTime: { changes: 0, p50Seconds: null, p90Seconds: null, tier: null },
      changeFailureRate: { deployments: 0, failed: 0, rate: null, tier: null },
      recoveryTime: { failed: 0, recovered: 0, p50Seconds: null, tier: null },
      timeToRestore: { incidents: 0, p50Seconds: null },
      reworkRate: { deployments: 0, rework: 0, rate: null },
      cluster2024: null,
    });
  });

  it('grades deployment frequency by deployment days in full weeks and months', async () => {
    // March 2026: Mon 2nd to Tue 31st. Window [Mar 1, Apr 1): one full month, four full weeks (2nd, 9th, 16th, 23rd).
    const daily = [0, 1, 2, 3, 4].map((day) => deploy(`w1-${day}`, day * 24 + 9)); // 5 days in week 1
    const week2 = [deploy('w2-a', 7 * 24 + 9), deploy('w2-b', 7 * 24 + 10)]; // 2 deployments, 1 day in week 2
    await load(db(), [...daily, ...week2, deploy('w4', 21 * 24 + 9)]);
    const m = await metricsFor(db(), { service: 'payments' }, -24, 30 * 24);
    // Weeks: 5, 1, 0, 1 → median 1 (high). Month: 7 deployment days.
    expect(m.deploymentFrequency).toEqual({ deployments: 8, perDay: 0.258, medianDeployDaysPerWeek: 1, medianDeployDaysPerMonth: 7, tier: 'high' });
    // Only the first week: 5 days → on demand.
    const first = await metricsFor(db(), { service: 'payments' }, 0, 168);
    expect(first.deploymentFrequency.tier).toBe('elite');
    // Weeks 3 and 4 only: 0 and 1 → median 0.5; no full month → low.
    const late = await metricsFor(db(), { service: 'payments' }, 14 * 24, 28 * 24);
    expect(late.deploymentFrequency).toMatchObject({ medianDeployDaysPerWeek: 0.5, medianDeployDaysPerMonth: null, tier: 'low' });
  });

  it('grades medium when weeks without deployments dominate but every month has one', async () => {
    // Window [Mar 1, May 1): months March (3 days) and April (1 day). Weeks from Mar 2 to Apr 20: 1, 1, 1, 0, 1
    // (Apr 2 falls in the week of Mar 30), 0, 0, 0 → median 0.5.
    await load(db(), [deploy('m1', 9), deploy('m2', 7 * 24 + 9), deploy('m3', 14 * 24 + 9), deploy('a1', 31 * 24 + 9)]);
    const m = await metricsFor(db(), { service: 'payments' }, -24, 60 * 24);
    expect(m.deploymentFrequency).toMatchObject({ medianDeployDaysPerWeek: 0.5, medianDeployDaysPerMonth: 2, tier: 'medium' });
  });

  it('pools team and org figures over events instead of averaging services', async () => {
    await load(db(), [
      { kind: 'service', name: 'payments', team: 'core' },
      { kind: 'service', name: 'ledger', team: 'core' },
      { kind: 'service', name: 'search', team: 'discovery' },
      deploy('p1', 10, { commits: [commit('p1', 9), commit('p2', 9), commit('p3', 9)] }),
      { ...deploy('l1', 20, { commits: [commit('l1', 10)] }), service: 'ledger' },
      { ...deploy('s1', 30, { commits: [commit('s1', 29)] }), service: 'search' },
    ]);
    const team = await metricsFor(db(), { team: 'core' }, 0, 168);
    // Lead times 1, 1, 1 h (payments) and 10 h (ledger): the pooled median is 1 h, not the mean of medians (5.5 h).
    expect(team.scope).toEqual({ team: 'core' });
    expect(team.leadTime).toMatchObject({ changes: 4, p50Seconds: HOUR_SECONDS });
    const org = await metricsFor(db(), { org: true }, 0, 168);
    expect(org.leadTime).toMatchObject({ changes: 5, p50Seconds: HOUR_SECONDS });
    expect(org.deploymentFrequency.deployments).toBe(3);
    const set = await metricsFor(db(), { services: ['ledger', 'search'] }, 0, 168);
    expect(set).toMatchObject({ scope: { services: ['ledger', 'search'] }, leadTime: { changes: 2, p50Seconds: 5.5 * HOUR_SECONDS } });
  });

  it('classifies the 2024 cluster beside the 2023 bands', async () => {
    const deployments = Array.from({ length: 14 }, (_, i) => deploy(`d${i}`, i * 12, { commits: [commit(`c${i}`, i * 12 - 2)] }));
    await load(db(), [...deployments, incident('i1', 13, 13.5)]);
    const m = await metricsFor(db(), { service: 'payments' }, 0, 168);
    // 2 a day, 2 h lead time, 1 failure in 14 (7.1 %) recovered in 1.5 h: every key is at or near elite.
    expect(m.leadTime.p50Seconds).toBe(2 * HOUR_SECONDS);
    expect(m.changeFailureRate).toMatchObject({ rate: 0.0714, tier: 'high' });
    expect(m.cluster2024).toBe('elite');
  });

  it('refuses an unknown service or team and an empty window, naming the problem', async () => {
    await load(db(), [{ kind: 'service', name: 'payments', team: 'core' }]);
    const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
    const unknown = await failure(metricsFor(db(), { service: 'paymnts' }, 0, 24));
    expect(isAppError(unknown) && unknown.code).toBe('NOT_FOUND');
    expect((unknown as Error).message).toContain('paymnts');
    const team = await failure(metricsFor(db(), { team: 'nobody' }, 0, 24));
    expect(isAppError(team) && team.code).toBe('NOT_FOUND');
    const empty = await failure(metricsFor(db(), { service: 'payments' }, 24, 24));
    expect(isAppError(empty) && empty.details).toEqual([expect.stringContaining('from: must be before to')]);
  });

  it('defaults to the last 90 whole UTC days', async () => {
    await load(db(), [{ kind: 'service', name: 'payments', team: 'core' }]);
    const m = await getDoraMetrics({ db: db(), scope: { org: true } });
    const to = new Date(m.window.to);
    expect(to.getTime() % (DAY_SECONDS * 1000)).toBe(0);
    expect(to.getTime() - Date.now()).toBeGreaterThan(0);
    expect(to.getTime() - Date.now()).toBeLessThanOrEqual(DAY_SECONDS * 1000);
    expect((to.getTime() - new Date(m.window.from).getTime()) / (DAY_SECONDS * 1000)).toBe(90);
  });
});

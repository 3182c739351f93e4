import { afterEach, expect, it } from 'vitest';
import { syncGitlab } from '../../../ingest/sources/gitlab/sync-gitlab';
import { getDoraMetrics } from '../../../lib/metrics/get-dora-metrics';
import {
  buildFakeGitlabGroup,
  sha1,
  type FakeGitlabCommit,
  type FakeGitlabWorld,
} from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { snapshotTables } from '../../helpers/table-snapshot';
import { createTestDb, describeEachBackend } from '../../helpers/test-db';
import { GITLAB_DOMAIN, GITLAB_SETTINGS, gitlabClientOptions } from './gitlab-test-setup';
import { HOUR_MS } from '../../../lib/format/time-units';

let fake: FakeGitlab | undefined;
afterEach(async () => fake?.close());

const MONDAY = Date.parse('2026-03-02T00:00:00Z');
const h = (hours: number) => new Date(MONDAY + hours * HOUR_MS);
const commit = (title: string, hours: number): FakeGitlabCommit => ({
  sha: sha1(title),
  title,
  author: 'dev',
  authoredAt: h(hours),
  committedAt: h(hours),
});

/**
 * One project, hours from Monday 2026-03-02 00:00 UTC. c0 at 0 h; !1 (a1 1 h, a2 2 h) squashed as s1 at 4 h; !2 (b1
 * 5 h) merged by m2 at 6 h; production d1 finishes at 8 h (its first: the horizon's commits); !3 (e1 10 h) squashed as
 * s3 at 12 h; d2 at 14 h; an incident opened 15 h, closed 18 h; !4 (f1 20 h) squashed as s4 at 22 h; d3 fails at
 * 23.5 h; staging at 23.5 h; d4 at 25 h, compared with d2 (the previous successful production deployment).
 */
const seededWorld = (): FakeGitlabWorld => {
  const c0 = commit('c0', 0);
  const [a1, a2, s1] = [commit('a1', 1), commit('a2', 2), commit('s1', 4)];
  const [b1, m2] = [commit('b1', 5), commit('m2', 6)];
  const [e1, s3] = [commit('e1', 10), commit('s3', 12)];
  const [f1, s4] = [commit('f1', 20), commit('s4', 22)];
  const mr = (iid: number, commits: FakeGitlabCommit[], landed: FakeGitlabCommit, squashed: boolean) => ({
    id: 500 + iid,
    iid,
    title: `Change ${iid}`,
    author: 'dev',
    createdAt: commits[0]!.authoredAt,
    mergedAt: landed.committedAt,
    commits,
    landed,
    squashed,
    labels: [],
  });
  const deployment = (
    id: number,
    environment: string,
    sha: string,
    status: 'success' | 'failed',
    created: number,
    finished: number,
  ) => ({
    id,
    iid: id,
    environment,
    sha,
    ref: 'main',
    status,
    createdAt: h(created),
    finishedAt: h(finished),
  });
  return {
    group: { id: 9000, path: 'acme' },
    projects: [
      {
        id: 1,
        path: 'pay',
        namespace: 'acme',
        mainline: [c0, s1, b1, m2, s3, s4],
        mergeRequests: [
          mr(1, [a1, a2], s1, true),
          mr(2, [b1], m2, false),
          mr(3, [e1], s3, true),
          mr(4, [f1], s4, true),
        ],
        deployments: [
          deployment(1, 'production', m2.sha, 'success', 7, 8),
          deployment(2, 'production', s3.sha, 'success', 13, 14),
          deployment(3, 'production', s4.sha, 'failed', 23, 23.5),
          deployment(4, 'staging', s4.sha, 'success', 23, 23.5),
          deployment(5, 'production', s4.sha, 'success', 24, 25),
        ],
        pipelines: [],
        issues: [
          { id: 900, iid: 1, title: 'Payments down', type: 'incident', labels: [], createdAt: h(15), closedAt: h(18) },
          { id: 901, iid: 2, title: 'Typo', type: 'issue', labels: [], createdAt: h(16), closedAt: null },
        ],
        files: {},
        protection: null,
        approvalRules: [],
        pipelineMustSucceed: false,
      },
    ],
  };
};

describeEachBackend('GitLab sync', ({ db, backend }) => {
  it('gives the hand-computed DORA metrics for a seeded project', async () => {
    fake = await startFakeGitlab(seededWorld());
    await syncGitlab({
      db: db(),
      client: gitlabClientOptions(fake),
      settings: GITLAB_SETTINGS,
      projects: ['acme/pay'],
    });
    const m = await getDoraMetrics({
      db: db(),
      scope: { service: 'pay' },
      window: { from: h(0), to: h(168) },
      settings: { productionEnvironmentPattern: '^(prod|production)$', attributionWindowHours: 168 },
    });
    // d1, d2, d4 count (d3 failed, staging is not production): 3 in 7 days, on 2 days of the one week.
    expect(m.deploymentFrequency).toMatchObject({ deployments: 3, perDay: 0.429, medianDeployDaysPerWeek: 2 });
    // d1: c0 8 h, a1 7 h, a2 6 h (for s1), b1 3 h (for b1 and m2); d2: e1 4 h (for s3); d4: f1 5 h (for s4).
    // Sorted 3, 4, 5, 6, 7, 8 h: p50 at rank 2.5 = 5.5 h; p90 at rank 4.5 = 7.5 h.
    expect(m.leadTime).toMatchObject({ changes: 6, p50Seconds: 5.5 * 3600, p90Seconds: 7.5 * 3600 });
    // The incident at 15 h fails d2 (the latest counted deployment before it); restored 3 h later, recovered 4 h after d2.
    expect(m.changeFailureRate).toMatchObject({ deployments: 3, failed: 1, rate: 0.3333 });
    expect(m.recoveryTime).toMatchObject({ failed: 1, recovered: 1, p50Seconds: 4 * 3600 });
    expect(m.timeToRestore).toEqual({ incidents: 1, p50Seconds: 3 * 3600 });
  }, 120_000);

  it('stopped halfway and run again, leaves the same rows as one uninterrupted sync', async () => {
    fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 6 }));
    const stop = new AbortController();
    fake.onRequest = ({ count }) => {
      if (count === 70) stop.abort(new Error('stopped by the test'));
    };
    await expect(
      syncGitlab({
        db: db(),
        client: gitlabClientOptions(fake),
        settings: GITLAB_SETTINGS,
        group: 'acme',
        concurrency: 2,
        signal: stop.signal,
      }),
    ).rejects.toThrow();
    fake.onRequest = undefined;
    const halfway = await snapshotTables(db(), ['deployments', 'pull_requests']);
    expect(halfway.deployments!.length + halfway.pull_requests!.length).toBeGreaterThan(0);
    await syncGitlab({
      db: db(),
      client: gitlabClientOptions(fake),
      settings: GITLAB_SETTINGS,
      group: 'acme',
      concurrency: 2,
    });

    const fresh = await createTestDb(backend);
    try {
      await syncGitlab({ db: fresh.db, client: gitlabClientOptions(fake), settings: GITLAB_SETTINGS, group: 'acme' });
      expect(await snapshotTables(db(), GITLAB_DOMAIN)).toEqual(await snapshotTables(fresh.db, GITLAB_DOMAIN));
    } finally {
      await fresh.close();
    }
  }, 300_000);
});

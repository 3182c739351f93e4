import { afterEach, expect, it } from 'vitest';
import { syncGitlab } from '../../../ingest/sources/gitlab/sync-gitlab';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { countRows, snapshotTables } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { GITLAB_DOMAIN, GITLAB_SETTINGS, gitlabClientOptions } from './gitlab-test-setup';

let fake: FakeGitlab | undefined;
afterEach(async () => fake?.close());

describeEachBackend('a GitLab group of 20 projects', ({ db, backend }) => {
  it('syncs everything once, then a second sync reads only what changed, for a fraction of the requests', async () => {
    fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 20, forbidden: [7] }));
    fake.faults.push({ status: 429, match: /\/deployments$/, retryAfter: 2 }, { status: 500, match: /\/pipelines$/ });
    const first = await syncGitlab({
      db: db(),
      client: gitlabClientOptions(fake),
      settings: GITLAB_SETTINGS,
      group: 'acme',
    });
    const failed = first.projects.filter((project) => project.status === 'failed');
    expect(failed.map((project) => [project.path, project.error])).toEqual([
      ['acme/svc-07', expect.stringContaining('403')],
    ]);
    expect(first.retried).toBe(2);
    const rows = await snapshotTables(db(), GITLAB_DOMAIN);
    expect(await countRows(db(), 'deployments')).toBe(19 * 13);
    expect(await countRows(db(), 'pull_requests')).toBe(19 * 12);
    expect(await countRows(db(), 'pipeline_runs')).toBe(19 * 16);
    expect(await countRows(db(), 'incidents')).toBe(19 * 2);
    // The group's projects come keyset-paginated (a second page after id 109), the listings offset-paginated.
    expect(
      fake.requests
        .filter((request) => request.path === '/groups/acme/projects')
        .map((request) => new URLSearchParams(request.query).get('id_after')),
    ).toEqual([null, '109']);
    expect(
      fake.requests
        .filter((request) => request.path === '/projects/100/deployments' && request.status === 200)
        .map((request) => new URLSearchParams(request.query).get('page')),
    ).toEqual([null, '2']);

    const firstRequests = fake.requests.length;
    fake.requests.length = 0;
    const second = await syncGitlab({
      db: db(),
      client: gitlabClientOptions(fake),
      settings: GITLAB_SETTINGS,
      group: 'acme',
    });
    expect(await snapshotTables(db(), GITLAB_DOMAIN)).toEqual(rows);
    expect(second.requests).toBe(fake.requests.length);
    expect(second.requests * 4).toBeLessThan(firstRequests);
    // Every listing asks only for what changed since its cursor; the catalog files answer 304.
    const catalog = fake.requests.filter((request) => request.path.includes('/repository/files/'));
    expect(catalog.filter((request) => request.status === 200)).toEqual([]);
    console.log(
      `[${backend}] 20 projects: first sync ${firstRequests} requests (${first.retried} retried); second sync ${second.requests} requests (${second.notModified} answered 304)`,
    );
  }, 120_000);

  it('stops on a bad token or an unknown group with one message, storing nothing', async () => {
    fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 2 }));
    const sync = (overrides: { token?: string; group?: string }) =>
      syncGitlab({
        db: db(),
        client: gitlabClientOptions(fake!, overrides.token ? { token: overrides.token } : {}),
        settings: GITLAB_SETTINGS,
        group: overrides.group ?? 'acme',
      });
    await expect(sync({ token: 'glpat-notthetoken0000000000' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('401 Unauthorized'),
    });
    await expect(sync({ group: 'nope' })).rejects.toMatchObject({
      message: expect.stringMatching(/group:nope .*404 Group Not Found/),
    });
    for (const table of ['ingest_runs', 'raw_payloads', 'services', 'ingest_cursors'])
      expect(await countRows(db(), table)).toBe(0);
  });
});

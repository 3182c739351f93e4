import { afterEach, beforeEach, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { deployments, ingestRuns, pullRequests } from '../../../lib/db/schema';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { countRows, snapshotTables } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';

let fake: FakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 12 }));
});
afterEach(async () => fake.close());

describeEachBackend('syncGithub', ({ db }) => {
  const sync = () => syncGithub({ db: db(), client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW });

  it('syncs an organization, skips the repository it may not read, and spends only conditional requests the second time', async () => {
    const first = await sync();
    expect(first.repositories.filter((repo) => repo.status === 'failed').map((repo) => repo.fullName)).toEqual(['acme/svc-09']);
    expect(await countRows(db(), 'deployments')).toBeGreaterThan(20);
    expect(await countRows(db(), 'deployment_changes')).toBeGreaterThan(20);
    expect(await countRows(db(), 'pull_requests')).toBeGreaterThan(30);
    const before = await snapshotTables(db());

    fake.requests.length = 0;
    const second = await sync();
    expect(await snapshotTables(db())).toEqual(before);
    const spent = fake.requests.filter((request) => request.status !== 304 && !request.path.includes('svc-09'));
    expect(spent).toEqual([]);
    expect(second.notModified).toBeGreaterThan(0);
    const runs = await db().select().from(ingestRuns).where(eq(ingestRuns.parentId, second.runId));
    expect(runs).toHaveLength(12);
    console.log(`full sync: ${first.requests} requests; second: ${second.requests} requests, ${second.conditional} conditional, ${second.notModified} answered 304`);
  });

  it('stores merged pull requests with their review times', async () => {
    await sync();
    const [pull] = await db().select().from(pullRequests).where(eq(pullRequests.id, 'github:pull_request:acme/svc-00#1'));
    expect(pull).toMatchObject({ state: 'merged', author: expect.any(String) });
    expect(pull!.firstReviewAt!.getTime()).toBeLessThan(pull!.approvedAt!.getTime());
    expect(pull!.firstCommitAt!.getTime()).toBeLessThan(pull!.openedAt.getTime());
    const deployed = await db().select().from(deployments).where(eq(deployments.service, 'svc-00'));
    expect(deployed.length).toBeGreaterThan(2);
  });
});

import { afterEach, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { changes, deploymentChanges, deployments } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { createFakeWorld, FakeRepoBuilder } from '../../fakes/github/fake-world';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

const START = new Date('2026-10-01T09:00:00Z');

/** One repository whose history `build` writes; synced once. */
const syncHistory = async (db: Db, build: (repo: FakeRepoBuilder) => void) => {
  const world = createFakeWorld('acme');
  const repo = new FakeRepoBuilder(world, 'shop', START);
  repo.commit('initial');
  repo.wait(60);
  build(repo);
  fake = await startFakeGithub(world);
  await syncGithub({
    db,
    client: testClientOptions(fake),
    settings: TEST_SETTINGS,
    repos: ['acme/shop'],
    now: FIXED_NOW,
  });
  return repo;
};

const linked = async (db: Db, deploymentId: number) =>
  db
    .select({ sha: changes.sha, authoredAt: changes.authoredAt, pullRequestId: changes.pullRequestId })
    .from(deploymentChanges)
    .innerJoin(changes, eq(changes.id, deploymentChanges.changeId))
    .where(eq(deploymentChanges.deploymentId, `github:deployment:acme/shop/${deploymentId}`))
    .orderBy(asc(changes.authoredAt), asc(changes.sha));

/** A first deployment, then a pull request merged by `method` and deployed. */
const mergedAndDeployed = (method: 'squash' | 'rebase' | 'merge') => (repo: FakeRepoBuilder) => {
  repo.deploy(repo.repo.branches.main!, ['success']);
  repo.wait(60);
  const pull = repo.openPull('Add cart', { count: 3 });
  repo.wait(120).review(pull, 'bob', 'APPROVED');
  const landed = repo.merge(pull, method);
  repo.wait(30);
  return { pull, deployment: repo.deploy(landed, ['queued', 'success']), landed };
};

describeEachBackend('linking commits to deployments', ({ db }) => {
  for (const method of ['squash', 'rebase', 'merge'] as const) {
    it(`a ${method} merge links the pull request's own commits with their author times`, async () => {
      let result!: ReturnType<ReturnType<typeof mergedAndDeployed>>;
      const repo = await syncHistory(db(), (builder) => (result = mergedAndDeployed(method)(builder)));
      const rows = await linked(db(), result.deployment.id);
      expect(rows.map((row) => row.sha)).toEqual(result.pull.commits);
      expect(rows.every((row) => row.pullRequestId === `github:pull_request:acme/shop#${result.pull.number}`)).toBe(
        true,
      );
      const authored = result.pull.commits.map((sha) => repo.repo.commits.get(sha)!.authoredAt.getTime());
      expect(rows.map((row) => row.authoredAt.getTime())).toEqual(authored);
      // Known locally: merge, squash and rebased commits need no "pull requests of a commit" lookups.
      const shas = [...result.pull.commits, ...result.pull.landedShas];
      expect(
        fake!.requests.filter((request) => shas.some((sha) => request.path.includes(`/commits/${sha}/pulls`))),
      ).toEqual([]);
    });
  }

  /**
   * A pull request of `count` commits merged, then a commit pushed straight to main and deployed; synced, then synced
   * again in full. The deployment's links, and the "pull requests of a commit" lookups after each sync.
   */
  const directPushAfter = async (count: number) => {
    let deploymentId = 0;
    let direct = '';
    await syncHistory(db(), (repo) => {
      repo.deploy(repo.repo.branches.main!, ['success']);
      repo.merge(repo.wait(60).openPull('Add cart', { count }), 'merge');
      direct = repo.wait(30).commit('hotfix straight on main');
      deploymentId = repo.wait(10).deploy(direct, ['success']).id;
    });
    const lookups = () => fake!.requests.filter((request) => /\/commits\/[0-9a-f]+\/pulls/.test(request.path)).length;
    const first = lookups();
    const resync = { db: db(), client: testClientOptions(fake!), settings: TEST_SETTINGS, repos: ['acme/shop'] };
    await syncGithub({ ...resync, now: FIXED_NOW, full: true });
    return { direct, rows: await linked(db(), deploymentId), lookups: [first, lookups()] };
  };

  // Every pull request was listed with its commits first, so a commit in none of them needs no lookup.
  it('a commit pushed straight to the branch is its own change, known without asking GitHub', async () => {
    const { direct, rows, lookups } = await directPushAfter(2);
    expect(rows.at(-1)).toEqual({ sha: direct, authoredAt: expect.any(Date), pullRequestId: null });
    expect(rows.filter((row) => row.pullRequestId !== null)).toHaveLength(2);
    expect(lookups).toEqual([0, 0]);
  });

  it("past GitHub's 250-commit listing of a pull request, a direct push is looked up once", async () => {
    const { direct, rows, lookups } = await directPushAfter(250);
    expect(rows.at(-1)).toMatchObject({ sha: direct, pullRequestId: null });
    // The first deployment's commit and the direct push, each asked once (their answers are kept).
    expect(lookups).toEqual([2, 2]);
  });

  it('a redeploy of the same commit ships nothing and compares nothing', async () => {
    const ids: number[] = [];
    let sha = '';
    await syncHistory(db(), (repo) => {
      sha = repo.commit('release');
      ids.push(repo.wait(10).deploy(sha, ['success']).id);
      ids.push(repo.wait(60).deploy(sha, ['success']).id);
    });
    expect(await linked(db(), ids[1]!)).toEqual([]);
    const [redeploy] = await db()
      .select()
      .from(deployments)
      .where(eq(deployments.id, `github:deployment:acme/shop/${ids[1]}`));
    expect(redeploy).toMatchObject({ status: 'success', reason: null });
    expect(fake!.requests.filter((request) => request.path.includes(`/compare/${sha}...${sha}`))).toEqual([]);
  });

  it('a deployment of an older sha is a rollback of the previous one and ships nothing new', async () => {
    const ids: number[] = [];
    await syncHistory(db(), (repo) => {
      const first = repo.repo.branches.main!;
      ids.push(repo.deploy(first, ['success']).id);
      repo.wait(60);
      ids.push(repo.deploy(repo.commit('risky change'), ['success']).id);
      repo.wait(30);
      ids.push(repo.deploy(first, ['success']).id);
    });
    const [rollback] = await db()
      .select()
      .from(deployments)
      .where(eq(deployments.id, `github:deployment:acme/shop/${ids[2]}`));
    expect(rollback).toMatchObject({
      reason: 'rollback',
      rollbackOf: `github:deployment:acme/shop/${ids[1]}`,
      status: 'success',
    });
    expect(await linked(db(), ids[2]!)).toEqual([]);
    expect((await linked(db(), ids[1]!)).length).toBe(1);
  });

  it('the first deployment of a repository with years of history links only the backfill horizon', async () => {
    let deploymentId = 0;
    await syncHistory(db(), (repo) => {
      for (let year = 0; year < 4; year++) {
        repo.commit(`year ${year}`);
        repo.wait(60 * 24 * 365);
      }
      repo.at(START);
      repo.wait(60 * 24 * 40).commit('six weeks ago is outside the horizon');
      repo.wait(60 * 24 * 30);
      const recent = repo.commit('ten days ago');
      repo.wait(60 * 24 * 10);
      deploymentId = repo.deploy(recent, ['success']).id;
    });
    const rows = await linked(db(), deploymentId);
    expect(rows).toHaveLength(1);
    const [deployment] = await db()
      .select()
      .from(deployments)
      .where(eq(deployments.id, `github:deployment:acme/shop/${deploymentId}`));
    expect(deployment!.finishedAt!.getTime() - rows[0]!.authoredAt.getTime()).toBeLessThan(30 * 86_400_000);
  });

  it('times a deployment by its first success (not the later inactive) and counts no failed one', async () => {
    const ids: number[] = [];
    await syncHistory(db(), (repo) => {
      const sha = repo.repo.branches.main!;
      ids.push(repo.deploy(sha, ['queued', 'in_progress', 'success']).id);
      repo.wait(60 * 24 * 3);
      ids.push(repo.deploy(repo.commit('next'), ['queued', 'failure']).id);
      repo.wait(60);
      ids.push(repo.deploy(repo.repo.branches.main!, ['success']).id);
    });
    const rows = await db().select().from(deployments).orderBy(asc(deployments.startedAt));
    const first = rows[0]!;
    expect(first.status).toBe('success');
    expect(first.finishedAt!.getTime() - first.startedAt!.getTime()).toBe(3 * 60_000);
    expect(rows[1]).toMatchObject({ status: 'failure' });
    expect(await linked(db(), ids[1]!)).toEqual([]);
    expect((await linked(db(), ids[2]!)).map((row) => row.sha)).toHaveLength(1);
  });
});

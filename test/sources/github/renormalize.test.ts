import { eq, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { renormalizeGithub } from '../../../ingest/sources/github/renormalize-github';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { deploymentChanges, deployments, incidents, pipelineRuns, pullRequests } from '../../../lib/db/schema';
import { createFakeWorld, FakeRepoBuilder } from '../../fakes/github/fake-world';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { countRows, snapshotTables } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

/** Two repositories: one deploying through the Deployments API, one through a deploy workflow; an incident. */
const buildWorld = () => {
  const world = createFakeWorld('acme');
  const shop = new FakeRepoBuilder(world, 'shop', new Date('2026-10-01T09:00:00Z'));
  shop.commit('initial');
  shop.deploy(shop.repo.branches.main!, ['success']);
  for (const [index, method] of (['squash', 'merge', 'rebase'] as const).entries()) {
    shop.wait(90);
    const pull = shop.openPull(`Change ${index}`, { count: 2 });
    shop.wait(60).review(pull, 'bob', 'APPROVED');
    const landed = shop.merge(pull, method);
    shop.run('CI', '.github/workflows/ci.yml', landed, 'success');
    shop.deploy(landed, ['queued', 'success']);
  }
  const outage = shop.issue('Checkout down', 'after the last deploy', ['incident']);
  shop.wait(45).close(outage);
  const api = new FakeRepoBuilder(world, 'api', new Date('2026-10-02T09:00:00Z'));
  api.commit('initial');
  for (let index = 0; index < 3; index++) {
    api.wait(120);
    const pull = api.openPull(`Endpoint ${index}`);
    const landed = api.merge(pull, 'squash');
    api.run('Deploy', '.github/workflows/deploy.yml', landed, 'success');
  }
  return world;
};

describeEachBackend('renormalize (GitHub)', ({ db }) => {
  it('rewrites exactly the rows an older normalizer got wrong, from stored payloads alone', async () => {
    fake = await startFakeGithub(buildWorld());
    const client = testClientOptions(fake);
    await syncGithub({ db: db(), client, settings: TEST_SETTINGS, repos: ['acme/shop', 'acme/api'], now: FIXED_NOW });
    const ingested = await snapshotTables(db());
    expect(await countRows(db(), 'deployment_changes')).toBeGreaterThan(6);
    expect(await countRows(db(), 'incidents')).toBe(1);
    const requests = fake.requests.length;

    const idle = await renormalizeGithub(db(), TEST_SETTINGS);
    expect(idle).toMatchObject({ inserted: 0, updated: 0, removed: 0, relinked: 0, scopes: 2, invalid: 0 });
    expect(idle.unchanged).toBeGreaterThan(20);

    // Rows as older normalizers wrote them: a deployment's environment, an incident's title, a missing pull request,
    // a missing pipeline run, and a deployment that lost one of the commits it shipped (an older linking rule).
    const [first] = await db().select({ id: deployments.id }).from(deployments).orderBy(deployments.id).limit(1);
    await db().update(deployments).set({ environment: 'Production' }).where(eq(deployments.id, first!.id));
    await db().update(incidents).set({ title: null });
    const [request] = await db().select({ id: pullRequests.id }).from(pullRequests).orderBy(pullRequests.id).limit(1);
    await db().delete(pullRequests).where(eq(pullRequests.id, request!.id));
    const [pipeline] = await db().select({ id: pipelineRuns.id }).from(pipelineRuns).orderBy(pipelineRuns.id).limit(1);
    await db()
      .delete(pipelineRuns)
      .where(inArray(pipelineRuns.id, [pipeline!.id]));
    const [link] = await db().select().from(deploymentChanges).orderBy(deploymentChanges.changeId).limit(1);
    const unlinked = await db()
      .delete(deploymentChanges)
      .where(eq(deploymentChanges.deploymentId, link!.deploymentId))
      .returning({ changeId: deploymentChanges.changeId });
    expect(unlinked.length).toBeGreaterThan(1);

    const fixed = await renormalizeGithub(db(), TEST_SETTINGS);
    // Inserted: the pull request, the pipeline run and every lost link; updated: the deployment and the incident.
    expect(fixed).toMatchObject({ inserted: 2 + unlinked.length, updated: 2, removed: 0, relinked: 1, scopes: 2 });
    expect(fixed.unchanged).toBe(idle.unchanged - fixed.inserted - fixed.updated);
    expect(await snapshotTables(db())).toEqual(ingested);
    expect(await renormalizeGithub(db(), TEST_SETTINGS)).toEqual(idle);
    // GitHub was not asked again.
    expect(fake.requests.length).toBe(requests);
  }, 300_000);
});

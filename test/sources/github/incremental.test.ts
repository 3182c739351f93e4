import { afterEach, beforeEach, expect, it } from 'vitest';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import type { Db } from '../../../lib/db/client';
import { getLatestFacts } from '../../../lib/domain/record-facts';
import { buildFakeOrg, DEPLOY_WORKFLOW } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { FakeRepoBuilder, type FakeRepo } from '../../fakes/github/fake-world';
import { snapshotTables } from '../../helpers/table-snapshot';
import { createTestDb, describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';

// Facts keep their history (the incremental database has the older observation too): compared by their latest.
const DOMAIN = ['services', 'teams', 'deployments', 'changes', 'deployment_changes', 'incidents', 'pipeline_runs', 'pull_requests'];
const LATER = new Date(FIXED_NOW.getTime() + 86_400_000);

let fake: FakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 8 }));
});
afterEach(async () => fake.close());

/** Continues a repository's history from its last moment. */
const continueRepo = (repo: FakeRepo) => new FakeRepoBuilder(fake.world, repo, new Date('2026-11-10T09:00:00Z'));

describeEachBackend('incremental sync', ({ db, backend }) => {
  const sync = (target = db(), now = FIXED_NOW) => syncGithub({ db: target, client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now });
  const latestFacts = async (target: Db) =>
    (await getLatestFacts(target, Array.from({ length: 8 }, (_, index) => `svc-0${index}`))).map(({ service, kind, status, error, data, collectedAt }) => ({ service, kind, status, error, data, collectedAt }));

  it('reads only what changed, and ends with the rows a full sync of the new state gives', async () => {
    const repos = (name: string) => fake.world.repos.get(`acme/${name}`)!;
    const pending = continueRepo(repos('svc-01')).deploy(repos('svc-01').branches.main!, ['queued', 'in_progress']);
    const running = continueRepo(repos('svc-02')).run('Deploy', DEPLOY_WORKFLOW, repos('svc-02').branches.main!, null);
    await sync();

    // A merged pull request deployed; a deployment finishing; a deploy run finishing then re-run; a label removed.
    const svc00 = continueRepo(repos('svc-00'));
    const pull = svc00.openPull('Late feature', { count: 2 });
    svc00.wait(30).review(pull, 'erin', 'APPROVED');
    svc00.deploy(svc00.merge(pull, 'squash'), ['queued', 'success']);
    continueRepo(repos('svc-01')).addStatus(pending, 'success');
    const svc02 = continueRepo(repos('svc-02'));
    Object.assign(running, { status: 'completed', conclusion: 'failure', updatedAt: svc02.wait(5).now });
    svc02.rerun(running, 'success');
    const incident = repos('svc-05').issues.find((issue) => issue.labels.includes('incident'))!;
    incident.labels = ['sev2'];
    incident.updatedAt = new Date('2026-11-12T00:00:00Z');

    fake.requests.length = 0;
    const second = await sync(db(), LATER);
    expect(second.repositories.filter((repo) => repo.status === 'failed')).toEqual([]);
    // Pushed repositories change their own description (pushed_at) and so the organization listing too.
    const touched = /^\/repos\/acme\/(svc-00|svc-01|svc-02|svc-05)([/?]|$)|^\/orgs\//;
    const spent = fake.requests.filter((request) => request.status !== 304);
    expect(spent.filter((request) => !touched.test(request.path))).toEqual([]);
    expect(spent.length).toBeLessThan(40);

    const fresh = await createTestDb(backend);
    try {
      await sync(fresh.db, LATER);
      expect(await snapshotTables(db(), DOMAIN)).toEqual(await snapshotTables(fresh.db, DOMAIN));
      const facts = await latestFacts(db());
      // Only what changed is a new observation: svc-00's tree moved with the merge.
      expect(facts.filter((fact) => fact.collectedAt.getTime() === LATER.getTime()).map((fact) => `${fact.service} ${fact.kind}`)).toEqual(['svc-00 repository']);
      const comparable = (list: Awaited<ReturnType<typeof latestFacts>>) => list.map(({ collectedAt: _collectedAt, ...fact }) => fact);
      expect(comparable(facts)).toEqual(comparable(await latestFacts(fresh.db)));
    } finally {
      await fresh.close();
    }
  });
});

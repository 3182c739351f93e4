import { afterEach, beforeEach, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { facts, services } from '../../../lib/db/schema';
import { getLatestFacts } from '../../../lib/domain/record-facts';
import type { Db } from '../../../lib/db/client';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';

let fake: FakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 8 }));
});
afterEach(async () => fake.close());

const latest = async (db: Db, service: string) => Object.fromEntries((await getLatestFacts(db, [service])).map((fact) => [fact.kind, fact]));

describeEachBackend('repository facts', ({ db }) => {
  const sync = (now = FIXED_NOW) => syncGithub({ db: db(), client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now });

  it('records the tree, fact files, catalog and branch protection, and describes the service from its catalog', async () => {
    await sync();
    const svc00 = await latest(db(), 'svc-00');
    expect(svc00.repository).toMatchObject({ status: 'ok', collectedAt: FIXED_NOW, data: { defaultBranch: 'main', truncated: false } });
    const repository = svc00.repository!.data as { paths: string[]; files: Record<string, string> };
    expect(repository.paths).toEqual(expect.arrayContaining(['.github', '.github/workflows', '.github/workflows/ci.yml', 'CODEOWNERS', 'src/index.ts']));
    expect(Object.keys(repository.files).sort()).toEqual(['.github/workflows/ci.yml', 'CODEOWNERS', 'README.md', 'catalog-info.yaml', 'package.json']);
    expect(repository.files.CODEOWNERS).toBe('* @acme/team-0\n');
    expect(svc00.catalog).toMatchObject({ status: 'ok', data: { metadata: { name: 'svc-00' } } });
    expect(svc00.branch_protection).toMatchObject({ status: 'ok', data: { enabled: true, requiredReviews: 1, requireCodeOwnerReviews: true, requiredStatusChecks: ['CI'], enforceAdmins: true } });
    const [service] = await db().select().from(services).where(eq(services.name, 'svc-00'));
    expect(service).toMatchObject({ repository: 'acme/svc-00', team: 'team-0', lifecycle: 'production', tier: '2', tags: ['typescript', 'system:checkout'] });

    expect((await latest(db(), 'svc-01')).branch_protection).toMatchObject({ status: 'ok', data: { enabled: false } });
    expect((await latest(db(), 'svc-03')).branch_protection).toMatchObject({ status: 'ok', data: { enabled: true, requiredReviews: 2, allowForcePushes: false, allowDeletions: false } });
    expect((await latest(db(), 'svc-04')).catalog).toMatchObject({ status: 'error', error: expect.stringMatching(/^catalog-info\.yaml line \d+: /) });
    expect((await latest(db(), 'svc-07')).branch_protection).toMatchObject({ status: 'error', error: expect.stringMatching(/no permission/) });
  });

  it('an unchanged repository only gets a newer checkedAt; a pushed file is read again, alone', async () => {
    await sync();
    const rows = async () => db().select().from(facts).where(eq(facts.service, 'svc-02'));
    const before = await rows();
    fake.requests.length = 0;
    const later = new Date(FIXED_NOW.getTime() + 3_600_000);
    await sync(later);
    const after = await rows();
    expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
    expect(after.every((row) => row.checkedAt.getTime() === later.getTime() && row.collectedAt.getTime() === FIXED_NOW.getTime())).toBe(true);
    expect(fake.requests.filter((request) => /\/git\/trees\/|\/contents\//.test(request.path))).toEqual([]);

    const repo = fake.world.repos.get('acme/svc-02')!;
    repo.files.CODEOWNERS = '* @acme/new-owners\n';
    repo.commits.set('f'.repeat(40), { sha: 'f'.repeat(40), parents: [repo.branches.main!], message: 'new owners', author: 'alice', authoredAt: later, committedAt: later });
    repo.branches.main = 'f'.repeat(40);
    fake.requests.length = 0;
    await sync(new Date(later.getTime() + 3_600_000));
    expect(fake.requests.filter((request) => /\/contents\//.test(request.path)).map((request) => request.path)).toEqual([expect.stringContaining('CODEOWNERS')]);
    const [current] = await db().select().from(facts).where(and(eq(facts.service, 'svc-02'), eq(facts.kind, 'repository'))).orderBy(facts.collectedAt).then((list) => list.slice(-1));
    expect((current!.data as { files: Record<string, string> }).files.CODEOWNERS).toBe('* @acme/new-owners\n');
  });
});

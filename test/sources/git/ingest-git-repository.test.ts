import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { ingestCursors, services } from '../../../lib/db/schema';
import { getLatestFacts } from '../../../lib/domain/record-facts';
import { RELEASE_VERSION_RULE } from '../../../lib/domain/release-version';
import { isAppError } from '../../../lib/errors';
import { ingestGitRepository, type IngestGitRepositoryOptions } from '../../../ingest/sources/git/ingest-git-repository';
import { queryRows } from '../../../lib/db/query-rows';
import { countRows, snapshotTables } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { createGitFixture, type GitFixture } from './git-fixture';
import { buildPaymentsHistory, type PaymentsShas } from './payments-history';
import { readGitDeployments } from './read-git-deployments';

const NOW = new Date('2026-03-01T00:00:00Z');

/** What the payments history must give, derived from the dates buildPaymentsHistory sets. */
const EXPECTED = {
  'v1.0.0': { at: '2026-02-20T10:00:00.000Z', rollbackOf: null, reason: null, leadHours: { 'charge cards': 1 } },
  // Annotated: deployed at the tagger date; the merge brings the feature branch's commits.
  'v1.1.0': { at: '2026-02-23T15:00:00.000Z', rollbackOf: null, reason: null, leadHours: { 'fix rounding': 51, 'refunds: model': 55, 'refunds: api': 31, 'Merge feature: refunds': 6 } },
  // The rebased commit keeps its author date (Feb 24 08:00).
  'v1.2.0': { at: '2026-02-26T09:00:00.000Z', rollbackOf: null, reason: null, leadHours: { 'bump limits': 23, payouts: 49 } },
  // A tag on an ancestor of the previous deployment: a rollback, carrying nothing.
  'v1.2.1': { at: '2026-02-27T10:00:00.000Z', rollbackOf: 'git:deployment:payments@v1.2.0', reason: 'rollback', leadHours: {} },
  // The rolled-back commits shipped with v1.2.0: each commit ships once, so v1.3.0 carries only its own.
  'v1.3.0': { at: '2026-02-28T09:00:00.000Z', rollbackOf: null, reason: null, leadHours: { 'retry payouts': 1 } },
};

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

// The whole history is built once; tests that read it get a copy, tests that build it step by step start empty.
let full: GitFixture;
let shas: PaymentsShas;
beforeAll(() => {
  full = createGitFixture('payments');
  shas = buildPaymentsHistory(full).all();
});
afterAll(() => full.cleanup());

describeEachBackend('ingestGitRepository', ({ db }) => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = createGitFixture('payments');
  });
  afterEach(() => repo.cleanup());
  const useFullHistory = () => {
    repo.cleanup();
    repo = createGitFixture('payments', { copyOf: full });
  };

  const ingest = (options: Partial<IngestGitRepositoryOptions> = {}) => ingestGitRepository({ db: db(), path: repo.dir, horizonDays: 30, now: NOW, ...options });

  it('turns release tags into deployments carrying exactly the commits no earlier tag shipped, with exact lead times', async () => {
    useFullHistory();
    const result = await ingest();
    expect(result).toMatchObject({ service: 'payments', mode: 'tag', ref: RELEASE_VERSION_RULE, deploymentsSeen: 5, tags: { total: 6, unmatched: 1, unmatchedExample: 'staging-1' }, written: { deployments: 5, inserted: 5, updated: 0 } });
    const view = await readGitDeployments(db());
    expect(view).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([tag, expected]) => [tag, { ...expected, sha: expect.any(String), shas: expect.any(Array) }])));
    expect(view['v1.2.0']!.shas).toEqual([shas.c4, shas.r1Rebased].sort());
    expect(view['v1.2.1']!.sha).toBe(shas.m1);
    // The commit before the rebase was never deployed; the one before the horizon (Jan 1) is not linked.
    const linked = await queryRows<{ sha: string }>(db(), sql`select sha from changes`);
    expect(linked.map((row) => row.sha)).not.toContain(shas.r1);
    expect(linked.map((row) => row.sha)).not.toContain(shas.c1);
  });

  it('changes nothing when the same repository is ingested twice', async () => {
    useFullHistory();
    await ingest();
    const before = await snapshotTables(db());
    const second = await ingest();
    expect(second.written).toEqual({ deployments: 0, inserted: 0, updated: 0, unchanged: 0, commits: 0, empty: 0 });
    expect(second.facts.changed).toBe(0);
    expect(await snapshotTables(db())).toEqual(before);
  });

  it('reads only new tags on a later run and ends with the same deployments as a single run', async () => {
    const history = buildPaymentsHistory(repo);
    history.steps.first();
    history.steps.merge();
    expect((await ingest()).written.deployments).toBe(2);
    history.steps.rebase();
    history.steps.rollbackAndNext();
    const second = await ingest();
    expect(second.written).toMatchObject({ deployments: 3, inserted: 3, updated: 0 });
    const view = await readGitDeployments(db());
    expect(Object.fromEntries(Object.entries(view).map(([tag, v]) => [tag, v.leadHours]))).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([tag, e]) => [tag, e.leadHours])));
  });

  it('re-reads the deployment after a tag added between two known ones, so its commits move to the new tag', async () => {
    useFullHistory();
    await ingest();
    repo.tag('v1.1.5', shas.c4); // committed Feb 25 10:00, between v1.1.0 and v1.2.0
    const second = await ingest();
    // Every later tag is read again against the new earlier set; only v1.2.0's commits change.
    expect(second.written).toMatchObject({ deployments: 4, inserted: 1, updated: 1, unchanged: 2 });
    const view = await readGitDeployments(db());
    expect(view['v1.1.5']!.leadHours).toEqual({ 'bump limits': 0 });
    expect(view['v1.2.0']!.leadHours).toEqual({ payouts: 49 });
  });

  it('resumes a run killed half-way and ends with exactly the rows of an uninterrupted run', async () => {
    useFullHistory();
    let batches = 0;
    const killed = await errorOf(
      ingest({
        batchSize: 2,
        onProgress: () => {
          if (++batches === 1) throw new Error('killed');
        },
      }),
    );
    expect((killed as Error).message).toBe('killed');
    expect(await countRows(db(), 'deployments')).toBe(2);
    const resumed = await ingest();
    expect(resumed.written.deployments).toBe(3);
    const view = await readGitDeployments(db());
    expect(Object.keys(view).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(view['v1.3.0']!.leadHours).toEqual(EXPECTED['v1.3.0'].leadHours);
    const runs = await queryRows<{ status: string }>(db(), sql`select status from ingest_runs order by started_at`);
    expect(runs.map((run) => run.status)).toEqual(['failed', 'success']);
  });

  it('links the first deployment only to commits inside the backfill horizon, which is configurable', async () => {
    buildPaymentsHistory(repo).steps.first();
    await ingest({ horizonDays: 30 });
    expect((await readGitDeployments(db()))['v1.0.0']!.leadHours).toEqual({ 'charge cards': 1 });
    // Jan 1 09:00 is 50 days and 1 hour before the deployment: inside a 60-day horizon. A changed horizon re-reads it.
    const wider = await ingest({ horizonDays: 60 });
    expect(wider.written).toMatchObject({ deployments: 1, updated: 1 });
    expect((await readGitDeployments(db()))['v1.0.0']!.leadHours).toEqual({ 'charge cards': 1, initial: 50 * 24 + 1 });
  });

  it('deploys every first-parent commit of a branch with --deploy-branch, a merge carrying its branch', async () => {
    useFullHistory();
    const result = await ingest({ deployBranch: 'main' });
    expect(result).toMatchObject({ mode: 'branch', ref: 'main', deploymentsSeen: 7, written: { deployments: 7, inserted: 7 } });
    const view = await readGitDeployments(db());
    expect(Object.keys(view).sort()).toEqual([shas.c1, shas.c2, shas.c3, shas.m1, shas.c4, shas.r1Rebased, shas.c5].sort());
    expect(view[shas.m1]).toMatchObject({ at: '2026-02-23T09:00:00.000Z', leadHours: { 'refunds: model': 49, 'refunds: api': 25, 'Merge feature: refunds': 0 } });
    expect(view[shas.r1Rebased]).toMatchObject({ at: '2026-02-26T09:00:00.000Z', leadHours: { payouts: 49 } });
    expect(view[shas.c1]!.leadHours).toEqual({ initial: 0 });
    const [cursor] = await db().select().from(ingestCursors);
    expect(cursor).toMatchObject({ source: 'git', scope: 'payments', kind: 'branch:main', cursor: { sha: shas.c5 } });

    const before = await snapshotTables(db());
    expect((await ingest({ deployBranch: 'main' })).written.deployments).toBe(0);
    expect(await snapshotTables(db())).toEqual(before);
    const c6 = repo.commit('one more', { authored: '2026-02-28T10:00:00Z', committed: '2026-02-28T12:00:00Z' });
    const third = await ingest({ deployBranch: 'main' });
    expect(third.written).toMatchObject({ deployments: 1, inserted: 1 });
    expect((await readGitDeployments(db()))[c6]!.leadHours).toEqual({ 'one more': 2 });
  });

  it('records the tree at HEAD and the standards files as facts, and takes the name and team from catalog-info.yaml', async () => {
    repo.commit('service skeleton', {
      authored: '2026-02-20T09:00:00Z',
      files: {
        'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  type: service\n  owner: group:default/payments\n  lifecycle: production\n',
        '.github/CODEOWNERS': '* @acme/payments\n',
        '.github/workflows/deploy.yml': 'jobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@v3\n',
        'src/index.ts': 'export {}\n',
        'package.json': '{"dependencies":{"@opentelemetry/api":"^1.9.0"}}\n',
      },
    });
    repo.tag('v1.0');
    const result = await ingest();
    expect(result).toMatchObject({ service: 'payments-api', facts: { paths: 5, files: 4, catalog: 'ok', catalogError: null } });
    const facts = await getLatestFacts(db(), ['payments-api']);
    expect(facts.map((fact) => fact.kind).sort()).toEqual(['catalog', 'repository']);
    const repository = facts.find((fact) => fact.kind === 'repository')!;
    expect(repository).toMatchObject({ source: 'git', status: 'ok', collectedAt: NOW });
    expect(repository.data).toEqual({
      defaultBranch: 'main',
      headSha: repo.sha('HEAD'),
      paths: ['.github/CODEOWNERS', '.github/workflows/deploy.yml', 'catalog-info.yaml', 'package.json', 'src/index.ts'],
      files: {
        '.github/CODEOWNERS': '* @acme/payments\n',
        '.github/workflows/deploy.yml': 'jobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@v3\n',
        'catalog-info.yaml': expect.stringContaining('owner: group:default/payments'),
        'package.json': '{"dependencies":{"@opentelemetry/api":"^1.9.0"}}\n',
      },
      truncated: false,
    });
    expect(facts.find((fact) => fact.kind === 'catalog')!.data).toMatchObject({ metadata: { name: 'payments-api' }, spec: { owner: 'group:default/payments' } });
    const [row] = await db().select().from(services);
    expect(row).toMatchObject({ name: 'payments-api', team: 'payments', lifecycle: 'production', source: 'git', repository: repo.dir });
  });

  it('records a catalog-info.yaml that does not parse as a fact in error, and names the service after its folder', async () => {
    repo.commit('broken catalog', { authored: '2026-02-20T09:00:00Z', files: { 'catalog-info.yaml': 'metadata:\n  name: "payments\nspec: [\n' } });
    repo.tag('v1.0');
    const result = await ingest();
    expect(result.service).toBe('payments');
    expect(result.facts.catalog).toBe('error');
    const catalog = (await getLatestFacts(db(), ['payments'])).find((fact) => fact.kind === 'catalog');
    expect(catalog).toMatchObject({ status: 'error', data: null, error: expect.stringMatching(/^catalog-info\.yaml line \d+: /) });
  });

  it('refuses a folder that is not a git repository, or one inside a repository, and stores nothing', async () => {
    repo.commit('x', { authored: '2026-02-20T09:00:00Z', files: { 'sub/file.txt': 'x\n' } });
    repo.tag('v1.0');
    for (const [path, message] of [
      [repo.root, /is not a git repository$/],
      [`${repo.dir}/sub`, /is a folder inside the git repository .*; pass the repository's top folder$/],
      [`${repo.root}/missing`, /no such folder$/],
    ] as const) {
      const error = await errorOf(ingest({ path }));
      expect(isAppError(error) && error.code).toBe('USAGE');
      expect((error as Error).message).toMatch(message);
    }
    expect(await snapshotTables(db(), ['services', 'deployments', 'changes', 'facts', 'raw_payloads', 'ingest_runs'])).toEqual({ services: [], deployments: [], changes: [], facts: [], raw_payloads: [], ingest_runs: [] });
  });

  it('refuses a tag glob that matches nothing, or a branch that does not exist, and stores nothing', async () => {
    buildPaymentsHistory(repo).steps.first();
    const noTag = await errorOf(ingest({ deployTags: 'release-*' }));
    expect((noTag as Error).message).toBe(`--deploy-tags "release-*" matches no tag: ${repo.dir} has 2 tags (e.g. staging-1), none matching. Pass --deploy-tags GLOB, or --deploy-branch BRANCH if every merge is deployed`);
    const noBranch = await errorOf(ingest({ deployBranch: 'trunk' }));
    expect((noBranch as Error).message).toBe(`--deploy-branch: ${repo.dir} has no branch "trunk" (branches: main)`);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    expect(await countRows(db(), 'ingest_runs')).toBe(0);
  });

  it('reads a bare clone, and a tag of a tag', async () => {
    useFullHistory();
    repo.git(['tag', '-a', 'v2.0.0', 'v1.3.0', '-m', 'tag of a tag'], { committed: '2026-02-28T11:00:00Z' });
    repo.git(['clone', '-q', '--bare', repo.dir, `${repo.root}/payments-mirror.git`]);
    const result = await ingest({ path: `${repo.root}/payments-mirror.git` });
    expect(result.service).toBe('payments-mirror');
    const view = await readGitDeployments(db());
    expect(view['v2.0.0']).toMatchObject({ at: '2026-02-28T11:00:00.000Z', sha: shas.c5, leadHours: {} });
    expect(view['v1.1.0']!.leadHours).toEqual(EXPECTED['v1.1.0'].leadHours);
  });
});

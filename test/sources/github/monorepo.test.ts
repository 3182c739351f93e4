import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import type { Db } from '../../../lib/db/client';
import { changes, deployments } from '../../../lib/db/schema';
import { createFakeWorld, FakeRepoBuilder, type FakeWorld } from '../../fakes/github/fake-world';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { describeEachBackend } from '../../helpers/test-db';
import { TEST_SETTINGS, testClientOptions } from './github-test-setup';
import { expectForgeMonorepo, readCarriedCommits } from '../../helpers/expect-forge-monorepo';

const at = (day: number, hour = 10) => new Date(`2026-01-0${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const catalog = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n` +
  `spec:\n  type: service\n  owner: ${owner}\n`;
// A generated commit of 349 asset files and one of web's, listed last: GitHub pages a commit's files past 300.
const GENERATED = Object.fromEntries(
  Array.from({ length: 349 }, (_, n) => [`assets/gen/${String(n).padStart(3, '0')}.svg`, 'x']),
);

/**
 * The git monorepo test's history, through the GitHub fake: three services in their folders with catalog-info.yaml
 * files (checkout, search, web), root tooling, a shared main; each service's deployments name it by environment
 * (`checkout-production`, `production/search`) or by release tag (`web@1.1.0`), and one deployment names none.
 */
const sha: Record<string, string> = {};
const ids: Record<string, number> = {};
const buildShop = (world: FakeWorld) => {
  const repo = new FakeRepoBuilder(world, 'shop', at(1));
  // Deployed at `when`: the fake adds the success status a minute after its clock.
  const deployAt = (name: string, when: Date, commit: string, environment: string, ref = 'main') => {
    ids[name] = repo.at(new Date(when.getTime() - 60_000)).deploy(commit, ['success'], environment, ref).id;
  };
  sha.c1 = repo.at(at(1)).commit('initial', 'alice', 'main', {
    'package.json': '{}',
    'services/checkout/index.ts': 'export {}',
    'services/checkout/catalog-info.yaml': catalog('checkout', 'group:payments'),
    'services/search/index.ts': 'export {}',
    'services/search/catalog-info.yaml': catalog('search', 'group:discovery'),
    'services/web/index.ts': 'export {}',
    'services/web/catalog-info.yaml': catalog('web', 'group:storefront'),
  });
  deployAt('checkout@1.0.0', at(1), sha.c1, 'checkout-production');
  deployAt('search@1.0.0', at(1), sha.c1, 'production/search');
  deployAt('web@1.0.0', at(1), sha.c1, 'production', 'web@1.0.0');
  sha.c2 = repo.at(at(2)).commit('checkout: cart', 'alice', 'main', { 'services/checkout/cart.ts': 'cart' });
  sha.c3 = repo.at(at(3)).commit('tooling: lint', 'alice', 'main', { 'tools/lint.sh': 'lint' });
  sha.c4 = repo.at(at(4)).commit('search: ranking', 'alice', 'main', { 'services/search/rank.ts': 'rank' });
  deployAt('checkout@1.1.0', at(5), sha.c4, 'checkout-production');
  sha.c5 = repo.at(at(6)).commit('both: shared logger', 'alice', 'main', {
    'services/checkout/log.ts': 'log',
    'services/search/log.ts': 'log',
  });
  deployAt('search@1.1.0', at(6, 16), sha.c5, 'production/search');
  deployAt('checkout@1.2.0', at(7), sha.c5, 'checkout-production');
  const home = { ...GENERATED, 'services/web/home.ts': 'home' };
  sha.c6 = repo.at(at(7, 12)).commit('web: home page', 'alice', 'main', home);
  deployAt('web@1.1.0', at(7, 14), sha.c6, 'production', 'web@1.1.0');
  // Names no service: the repository's own deployment, as in any repository.
  deployAt('v9.9.9', at(8), sha.c6, 'production', 'v9.9.9');
};

let fake: FakeGithub | undefined;
beforeEach(async () => {
  const world = createFakeWorld('acme');
  buildShop(world);
  fake = await startFakeGithub(world);
});
afterEach(async () => fake?.close());

const sync = (db: Db) =>
  syncGithub({ db, client: testClientOptions(fake!), settings: TEST_SETTINGS, repos: ['acme/shop'], now: at(9) });

const nameOf = (sourceId: string) => Object.keys(ids).find((name) => sourceId === `acme/shop/${ids[name]}`)!;

/** Requests for one commit's files (`/commits/{sha}`, not its pull requests), first pages and further ones. */
const commitFileRequests = () => fake!.requests.filter((request) => /\/commits\/[0-9a-f]{40}(\?|$)/.test(request.path));

describeEachBackend('a monorepo through the GitHub source', ({ db }) => {
  it('gives each service its deployments and only the commits changing its paths, as hand-computed', async () => {
    const first = await sync(db());
    expect(first.repositories[0]).toMatchObject({ status: 'success' });

    await expectForgeMonorepo(db(), sha, nameOf);

    // Each commit of a service range is asked for once (c1…c6); c6's 350 files come in pages of 100.
    const fetched = commitFileRequests();
    const commitsAsked = new Set(fetched.map((request) => request.path.match(/[0-9a-f]{40}/)![0]));
    expect([...commitsAsked].sort()).toEqual([sha.c1, sha.c2, sha.c3, sha.c4, sha.c5, sha.c6].sort());
    expect(fetched.filter((request) => request.path.includes(sha.c6!))).toHaveLength(4);
    expect(fetched).toHaveLength(9);

    // Commits never change: a second sync asks for none.
    const before = fake!.requests.length;
    const second = await sync(db());
    expect(second.repositories[0]).toMatchObject({ status: 'success' });
    expect(commitFileRequests()).toHaveLength(9);
    // First: 22 requests any repository of this history costs (its six direct pushes need no lookup: every pull
    // request was listed), 3 for the sub-folder catalog files and 9 for the commits' files. Second: 6, all 304.
    expect({ first: first.requests, second: fake!.requests.length - before }).toEqual({ first: 34, second: 6 });
    expect(fake!.requests.filter((request) => /\/commits\/[0-9a-f]+\/pulls/.test(request.path))).toEqual([]);
    expect(second.notModified).toBe(6);
  });
});

describeEachBackend('a monorepo named in waymark.yaml', ({ db }) => {
  it('takes git.services for the repository over its catalog folders, and its tag glob names deployments', async () => {
    const services = [{ name: 'tooling', repository: 'acme/shop', paths: ['tools/**'], tags: 'v*' }];
    const settings = { ...TEST_SETTINGS, services };
    await syncGithub({ db: db(), client: testClientOptions(fake!), settings, repos: ['acme/shop'], now: at(9) });
    // v9.9.9 is its only deployment; within the horizon before it, only c3 changed tools/.
    expect(await readCarriedCommits(db(), 'tooling', nameOf)).toEqual({ 'v9.9.9': [sha.c3] });
    // The catalog folders are no services now: their deployments are the repository's, under their own environments.
    const rows = await db()
      .selectDistinct({ service: deployments.service })
      .from(deployments)
      .orderBy(deployments.service);
    expect(rows).toEqual([{ service: 'shop' }, { service: 'tooling' }]);
  });
});

describeEachBackend('an ordinary repository next to it', ({ db }) => {
  it('costs no request for a commit’s files', async () => {
    const world = fake!.world;
    const plain = new FakeRepoBuilder(world, 'plain', at(1));
    const c1 = plain.commit('initial', 'alice', 'main', { 'catalog-info.yaml': catalog('plain', 'group:payments') });
    plain.at(at(2)).deploy(c1, ['success']);
    const c2 = plain.at(at(3)).commit('more', 'alice', 'main', { 'src/a.ts': 'a' });
    plain.at(at(4)).deploy(c2, ['success']);
    const client = testClientOptions(fake!);
    await syncGithub({ db: db(), client, settings: TEST_SETTINGS, repos: ['acme/plain'], now: at(9) });
    expect(commitFileRequests()).toEqual([]);
    const linked = await db().select({ sha: changes.sha }).from(changes).where(eq(changes.service, 'plain'));
    expect(linked.map((row) => row.sha).sort()).toEqual([c1, c2].sort());
  });
});

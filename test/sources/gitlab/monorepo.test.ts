import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { syncGitlab } from '../../../ingest/sources/gitlab/sync-gitlab';
import type { Db } from '../../../lib/db/client';
import { changes, deployments } from '../../../lib/db/schema';
import {
  sha1,
  type FakeGitlabCommit,
  type FakeGitlabWorld,
  type FakeProject,
} from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { expectForgeMonorepo, readCarriedCommits } from '../../helpers/expect-forge-monorepo';
import { describeEachBackend } from '../../helpers/test-db';
import { GITLAB_SETTINGS, gitlabClientOptions } from './gitlab-test-setup';

const at = (day: number, hour = 10) => new Date(`2026-01-0${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const catalog = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n` +
  `spec:\n  type: service\n  owner: ${owner}\n`;
// A generated commit of 34 asset files and one of web's, listed last: its diff spans four pages of 10.
const GENERATED = Array.from({ length: 34 }, (_, n) => `assets/gen/${String(n).padStart(3, '0')}.svg`);

const emptyProject = (id: number, path: string): FakeProject => ({
  id,
  path,
  namespace: 'acme',
  mainline: [],
  mergeRequests: [],
  deployments: [],
  pipelines: [],
  issues: [],
  files: {},
  protection: null,
  approvalRules: [],
  pipelineMustSucceed: false,
});

/**
 * The git and GitHub monorepo tests' history, through the GitLab fake: three services in their folders with
 * catalog-info.yaml files (checkout, search, web), root tooling, a shared main; each service's deployments name it by
 * environment (`checkout-production`, the folder environment `production/search`) or by release tag ref
 * (`web@1.1.0`), and one deployment names none.
 */
const sha: Record<string, string> = {};
const ids: Record<string, number> = {};
const buildShop = (): FakeGitlabWorld => {
  const shop = emptyProject(200, 'shop');
  const commit = (name: string, when: Date, files: Record<string, string>, order: string[] = Object.keys(files)) => {
    const landed: FakeGitlabCommit = {
      sha: sha1(`shop:${name}`),
      title: name,
      author: 'alice',
      authoredAt: when,
      committedAt: when,
      changes: order.map((path) => ({ path, added: true })),
    };
    shop.mainline.push(landed);
    Object.assign(shop.files, files);
    return landed.sha;
  };
  // Finished at `when`, started a minute before.
  const deployAt = (name: string, when: Date, commitSha: string, environment: string, ref = 'main') => {
    ids[name] = 300 + shop.deployments.length;
    shop.deployments.push({
      id: ids[name],
      iid: shop.deployments.length + 1,
      environment,
      sha: commitSha,
      ref,
      status: 'success',
      createdAt: new Date(when.getTime() - 60_000),
      finishedAt: when,
    });
  };
  sha.c1 = commit('initial', at(1), {
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
  sha.c2 = commit('checkout: cart', at(2), { 'services/checkout/cart.ts': 'cart' });
  sha.c3 = commit('tooling: lint', at(3), { 'tools/lint.sh': 'lint' });
  sha.c4 = commit('search: ranking', at(4), { 'services/search/rank.ts': 'rank' });
  deployAt('checkout@1.1.0', at(5), sha.c4, 'checkout-production');
  sha.c5 = commit('both: shared logger', at(6), {
    'services/checkout/log.ts': 'log',
    'services/search/log.ts': 'log',
  });
  deployAt('search@1.1.0', at(6, 16), sha.c5, 'production/search');
  deployAt('checkout@1.2.0', at(7), sha.c5, 'checkout-production');
  const home = [...GENERATED, 'services/web/home.ts'];
  sha.c6 = commit('web: home page', at(7, 12), Object.fromEntries(home.map((path) => [path, 'x'])), home);
  deployAt('web@1.1.0', at(7, 14), sha.c6, 'production', 'web@1.1.0');
  // Names no service: the project's own deployment, as in any project.
  deployAt('v9.9.9', at(8), sha.c6, 'production', 'v9.9.9');
  return { group: { id: 9000, path: 'acme' }, projects: [shop] };
};

let fake: FakeGitlab | undefined;
beforeEach(async () => {
  fake = await startFakeGitlab(buildShop());
});
afterEach(async () => fake?.close());

const sync = (db: Db, settings = GITLAB_SETTINGS, projects = ['acme/shop']) =>
  syncGitlab({ db, client: gitlabClientOptions(fake!), settings, projects });

const nameOf = (sourceId: string) =>
  Object.keys(ids).find((name) => sourceId === `acme/shop/deployments/${ids[name]}`)!;

/** Requests for one commit's changed files (`/repository/commits/{sha}/diff`), first pages and further ones. */
const diffRequests = () =>
  fake!.requests.filter((request) => /\/repository\/commits\/[0-9a-f]{40}\/diff$/.test(request.path));

describeEachBackend('a monorepo through the GitLab source', ({ db }) => {
  it('gives each service its deployments and only the commits changing its paths, as hand-computed', async () => {
    const first = await sync(db());
    expect(first.projects[0]).toMatchObject({ status: 'success' });

    await expectForgeMonorepo(db(), sha, nameOf);

    // Each commit of a service range is asked for once (c1…c6); c6's 35 files come in pages of 10.
    const fetched = diffRequests();
    const commitsAsked = new Set(fetched.map((request) => request.path.match(/[0-9a-f]{40}/)![0]));
    expect([...commitsAsked].sort()).toEqual([sha.c1, sha.c2, sha.c3, sha.c4, sha.c5, sha.c6].sort());
    const c6Pages = fetched.filter((request) => request.path.includes(sha.c6!));
    expect(c6Pages.map((request) => new URLSearchParams(request.query).get('page') ?? '1')).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(fetched).toHaveLength(9);

    // Commits never change: a second sync asks for none.
    const before = fake!.requests.length;
    const second = await sync(db());
    expect(second.projects[0]).toMatchObject({ status: 'success' });
    expect(diffRequests()).toHaveLength(9);
    // First: 22 requests any project of this history costs (its tree spans pages of 10), 3 for the sub-folder
    // catalog files and 9 for the commits' diffs. Second: 7, the project and its listings; the facts step is skipped
    // while the project's last_activity_at stands, and no file or diff is asked again.
    const catalogFiles = fake!.requests.filter((request) => /\/files\/services%2F/.test(request.path));
    expect(catalogFiles).toHaveLength(3);
    expect({ first: first.requests, second: fake!.requests.length - before }).toEqual({ first: 34, second: 7 });
  });
});

describeEachBackend('a GitLab monorepo named in waymark.yaml', ({ db }) => {
  it('takes git.services for the project over its catalog folders, and its tag glob names deployments', async () => {
    const configured = [{ name: 'tooling', repository: 'acme/shop', paths: ['tools/**'], tags: 'v*' }];
    await sync(db(), { ...GITLAB_SETTINGS, services: configured });
    // v9.9.9 is its only deployment; within the horizon before it, only c3 changed tools/.
    expect(await readCarriedCommits(db(), 'tooling', nameOf)).toEqual({ 'v9.9.9': [sha.c3] });
    // The catalog folders are no services now: their deployments are the project's, under their own environments.
    const rows = await db()
      .selectDistinct({ service: deployments.service })
      .from(deployments)
      .orderBy(deployments.service);
    expect(rows).toEqual([{ service: 'shop' }, { service: 'tooling' }]);
  });
});

describeEachBackend('an ordinary GitLab project next to it', ({ db }) => {
  it('costs no request for a commit’s diff', async () => {
    const plain = emptyProject(201, 'plain');
    const c1 = sha1('plain:1');
    const c2 = sha1('plain:2');
    plain.files = { 'catalog-info.yaml': catalog('plain', 'group:payments'), 'src/a.ts': 'a' };
    plain.mainline.push(
      { sha: c1, title: 'initial', author: 'alice', authoredAt: at(1), committedAt: at(1), changes: [{ path: 'a' }] },
      { sha: c2, title: 'more', author: 'alice', authoredAt: at(3), committedAt: at(3), changes: [{ path: 'b' }] },
    );
    for (const [index, [commitSha, day]] of (
      [
        [c1, 2],
        [c2, 4],
      ] as const
    ).entries())
      plain.deployments.push({
        id: 400 + index,
        iid: index + 1,
        environment: 'production',
        sha: commitSha,
        ref: 'main',
        status: 'success',
        createdAt: at(day),
        finishedAt: at(day),
      });
    fake!.world.projects.push(plain);
    await sync(db(), GITLAB_SETTINGS, ['acme/plain']);
    expect(diffRequests()).toEqual([]);
    const linked = await db().select({ sha: changes.sha }).from(changes).where(eq(changes.service, 'plain'));
    expect(linked.map((row) => row.sha).sort()).toEqual([c1, c2].sort());
  });
});

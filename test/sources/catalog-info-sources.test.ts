import { afterEach, beforeEach, expect, it } from 'vitest';
import { ingestGitRepository } from '../../ingest/sources/git/ingest-git-repository';
import { normalizeGithubFacts } from '../../ingest/sources/github/normalize-github-facts';
import { services } from '../../lib/db/schema';
import { describeEachBackend } from '../helpers/test-db';
import { createGitFixture, type GitFixture } from './git/git-fixture';

const CATALOG = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: cart',
  '  annotations:',
  '    acme.dev/tier: "2"',
  '  tags: [typescript]',
  'spec:',
  '  type: service',
  '  owner: user:jdoe',
  '  lifecycle: production',
  '  system: shop',
  '',
].join('\n');

describeEachBackend('catalog-info.yaml through git and GitHub', ({ db }) => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = createGitFixture('cart');
  });
  afterEach(() => repo.cleanup());

  it('gives the same service, team, lifecycle, tier and tags whichever source read the file', async () => {
    repo.commit('catalog', { authored: '2026-02-20T09:00:00Z', files: { 'catalog-info.yaml': CATALOG } });
    repo.tag('v1.0.0');
    await ingestGitRepository({ db: db(), path: repo.dir, horizonDays: 30 });
    const [fromGit] = await db().select().from(services);

    const { service: fromGithub } = normalizeGithubFacts({
      fullName: 'acme/cart',
      service: 'cart',
      defaultBranch: 'main',
      headSha: null,
      tree: { truncated: false, tree: [{ path: 'catalog-info.yaml', type: 'blob' }] },
      contents: { 'catalog-info.yaml': { content: Buffer.from(CATALOG).toString('base64'), encoding: 'base64' } },
      protection: { classic: null, rules: [] },
      collectedAt: new Date('2026-03-01T00:00:00Z'),
    });
    const described = (row: { name: string; team: string | null; lifecycle: string | null; tier: string | null; tags: string[] | null } | null | undefined) =>
      row && { name: row.name, team: row.team, lifecycle: row.lifecycle, tier: row.tier, tags: row.tags };
    expect(described(fromGit)).toEqual({ name: 'cart', team: null, lifecycle: 'production', tier: '2', tags: ['typescript', 'system:shop'] });
    expect(described(fromGithub as typeof fromGit)).toEqual(described(fromGit));
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { ingestGitRepository } from '../../../ingest/sources/git/ingest-git-repository';
import { services } from '../../../lib/db/schema';
import { getLatestFacts } from '../../../lib/domain/record-facts';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { createGitFixture, type GitFixture } from './git-fixture';

const NOW = new Date('2026-03-01T00:00:00Z');

/** What a repository may hold that Postgres cannot store as it is: the git source's side of the validation boundary. */
describeEachBackend('the git source with hostile repository content', ({ db }) => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = createGitFixture('payments');
  });
  afterEach(() => repo.cleanup());
  const ingest = () => ingestGitRepository({ db: db(), path: repo.dir, horizonDays: 30, now: NOW });

  it('writes out a NUL in catalog-info.yaml names instead of failing in the database', async () => {
    // YAML's "\0" escape is a NUL character; Postgres text and jsonb cannot hold one.
    const catalog = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "pay\\0ments"\nspec:\n  owner: "group:default/co\\0re"\n  lifecycle: "prod\\0"\n';
    repo.commit('catalog', { authored: '2026-02-20T09:00:00Z', files: { 'catalog-info.yaml': catalog } });
    repo.tag('v1.0.0');
    const result = await ingest();
    expect(result.service).toBe('pay\\u0000ments');
    const [row] = await db().select().from(services);
    expect(row).toMatchObject({ name: 'pay\\u0000ments', team: 'co\\u0000re', lifecycle: 'prod\\u0000' });
    expect(await countRows(db(), 'deployments')).toBe(1);
    const facts = await getLatestFacts(db(), ['pay\\u0000ments']);
    expect(facts.find((fact) => fact.kind === 'catalog')!.data).toMatchObject({ metadata: { name: 'pay\\u0000ments' } });
  });

  it('refuses a commit dated past 2100 naming the column, storing nothing', async () => {
    repo.commit('from the future', { authored: '@4200000000 +0000', committed: '2026-02-20T09:00:00Z' });
    repo.tag('v1.0.0', 'HEAD');
    const error = await ingest().then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toMatch(/^changes .+: authored_at is out of range: must be from 1970-01-01T00:00:00Z to before 2100-01-01T00:00:00Z; nothing was stored$/);
    for (const table of ['deployments', 'changes', 'deployment_changes']) expect(await countRows(db(), table)).toBe(0);
  });
});

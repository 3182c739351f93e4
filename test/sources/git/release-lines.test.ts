import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestGitRepository } from '../../../ingest/sources/git/ingest-git-repository';
import { services } from '../../../lib/db/schema';
import { getDoraMetrics } from '../../../lib/metrics/get-dora-metrics';
import { describeEachBackend } from '../../helpers/test-db';
import { createGitFixture, type GitFixture } from './git-fixture';
import { buildReleaseLinesHistory } from './release-lines-history';
import { readGitDeployments } from './read-git-deployments';

const rollbackOf = (tag: string) => `git:deployment:widget@${tag}`;

/** Each deployment's carried commits by subject with their lead time in hours, and what it rolled back. */
const EXPECTED = {
  '1.0.0': { rollbackOf: null, leadHours: { initial: 2 } },
  '1.1.0': { rollbackOf: null, leadHours: { 'feature one': 24 } },
  'v2.0.0': { rollbackOf: null, leadHours: { 'v2 api': 48, 'v2 docs': 24 } },
  // The maintenance release on 1.x: an ordinary deployment carrying its own fix.
  '1.1.1': { rollbackOf: null, leadHours: { 'fix 1.x security': 24 } },
  // Not v2.0.0's commits again, nor the 1.x fix merged forward: each commit ships once, at its first release.
  '2.1.0': { rollbackOf: null, leadHours: { 'v2 fix': 68, 'v2 feature': 48, 'Merge 1.x': 24 } },
  '2.0.1': { rollbackOf: null, leadHours: {} },
  '2.2.0': { rollbackOf: null, leadHours: { 'risky change': 2 } },
  '2.2.1': { rollbackOf: rollbackOf('2.2.0'), leadHours: {} },
  '2.2.2': { rollbackOf: null, leadHours: {} },
  // The rolled-back commit is not carried again.
  'v2.3.0': { rollbackOf: null, leadHours: { 'safe change': 1 } },
};

let repo: GitFixture;
beforeAll(() => {
  repo = createGitFixture('repo');
  buildReleaseLinesHistory(repo);
  repo.git(['remote', 'add', 'origin', 'git@github.com:acme-oss/widget.git']);
});
afterAll(() => repo.cleanup());

describeEachBackend('release lines read with the defaults', ({ db }) => {
  it('deploys release versions only, each commit once, with maintenance releases and re-tags not failures', async () => {
    const result = await ingestGitRepository({ db: db(), path: repo.dir, horizonDays: 30 });
    expect(result).toMatchObject({
      service: 'widget',
      repository: 'acme-oss/widget',
      deploymentsSeen: 10,
      tags: { total: 14, unmatched: 4, unmatchedExample: '1.1.0-rc1' },
      // Every commit of the repository, each carried once: the count cannot exceed the history.
      written: { deployments: 10, commits: 10, empty: 3 },
    });
    const view = await readGitDeployments(db());
    expect(Object.fromEntries(Object.entries(view).map(([tag, deployment]) => [tag, { rollbackOf: deployment.rollbackOf, leadHours: deployment.leadHours }]))).toEqual(EXPECTED);
    const [row] = await db().select().from(services);
    expect(row).toMatchObject({ name: 'widget', repository: 'acme-oss/widget' });

    const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };
    const metrics = await getDoraMetrics({ db: db(), scope: { service: 'widget' }, window });
    expect(metrics.deploymentFrequency.deployments).toBe(10);
    expect(metrics.changeFailureRate).toMatchObject({ deployments: 10, failed: 1, rate: 0.1 });
    expect(metrics.leadTime.changes).toBe(10);
  });
});

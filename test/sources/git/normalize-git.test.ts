import { describe, expect, it } from 'vitest';
import type { GitTagRef } from '../../../ingest/sources/git/collect-git-tags';
import { normalizeGitDeployment } from '../../../ingest/sources/git/normalize-git-deployment';
import { planGitTagDeployments, type ProcessedGitTag } from '../../../ingest/sources/git/plan-git-tag-deployments';

const tag = (name: string, sha: string, committedAt: string, taggedAt: string | null = null): GitTagRef => ({ name, sha, annotated: taggedAt !== null, tagObject: null, taggedAt, committedAt });

describe('planGitTagDeployments', () => {
  const tags = [tag('v1.10.0', 'c', '2026-03-01T10:00:00Z'), tag('v1.9.0', 'b', '2026-03-01T10:00:00Z'), tag('v1.0.0', 'a', '2026-02-01T10:00:00Z', '2026-02-02T10:00:00+02:00')];

  it('orders tags by deployment time, then by version, and gives the first one the horizon', () => {
    const { planned, total } = planGitTagDeployments(tags, new Map(), 30);
    expect(total).toBe(3);
    expect(planned.map((item) => [item.tag.name, item.previous?.name ?? null, item.deployedAt, item.horizonStart])).toEqual([
      ['v1.0.0', null, '2026-02-02T10:00:00+02:00', '2026-01-03T08:00:00.000Z'],
      ['v1.9.0', 'v1.0.0', '2026-03-01T10:00:00Z', null],
      ['v1.10.0', 'v1.9.0', '2026-03-01T10:00:00Z', null],
    ]);
  });

  it('plans nothing for tags stored with the same commit and previous deployment, and re-plans moved tags and their successors', () => {
    const first = planGitTagDeployments(tags, new Map(), 30).planned;
    const processed = new Map<string, ProcessedGitTag>(first.map((item) => [item.tag.name, { sha: item.tag.sha, previous: item.previous, earlier: item.earlier, horizonStart: item.horizonStart }]));
    expect(planGitTagDeployments(tags, processed, 30).planned).toEqual([]);
    const moved = tags.map((item) => (item.name === 'v1.9.0' ? { ...item, sha: 'b2' } : item));
    expect(planGitTagDeployments(moved, processed, 30).planned.map((item) => item.tag.name)).toEqual(['v1.9.0', 'v1.10.0']);
    expect(planGitTagDeployments(tags, processed, 45).planned.map((item) => item.tag.name)).toEqual(['v1.0.0']);
  });

  it('reads each tag against the commits of every earlier deployment, and re-plans a tag when one is added before it', () => {
    const first = planGitTagDeployments(tags, new Map(), 30).planned;
    expect(first.map((item) => item.earlierShas)).toEqual([[], ['a'], ['a', 'b']]);
    const processed = new Map<string, ProcessedGitTag>(first.map((item) => [item.tag.name, { sha: item.tag.sha, previous: item.previous, earlier: item.earlier, horizonStart: item.horizonStart }]));
    // A tag on another line, deployed between v1.0.0 and v1.9.0, changes what both later tags carry.
    const added = [...tags, tag('v0.9.5', 'z', '2026-02-15T10:00:00Z')];
    expect(planGitTagDeployments(added, processed, 30).planned.map((item) => [item.tag.name, item.earlierShas])).toEqual([
      ['v0.9.5', ['a']],
      ['v1.9.0', ['a', 'z']],
      ['v1.10.0', ['a', 'z', 'b']],
    ]);
  });
});

describe('normalizeGitDeployment', () => {
  const commit = { sha: 'aa', parents: [], author: 'Ada', authoredAt: '2026-03-01T08:00:00+01:00', committedAt: '2026-03-01T09:00:00Z', subject: 'fix' };
  const payload = { mode: 'tag' as const, ref: 'v2', name: 'v2', sha: 'aa', deployedAt: '2026-03-01T10:00:00Z', previous: { name: 'v1', sha: 'bb' }, horizonStart: null, commits: ['aa'] };

  it('maps a tag to a production deployment with its commits as changes of the service', () => {
    const { deployment, changes } = normalizeGitDeployment('payments', payload, new Map([['aa', commit]]));
    expect(deployment).toMatchObject({ id: 'git:deployment:payments@v2', sourceId: 'payments@v2', environment: 'production', status: 'success', commitSha: 'aa', rollbackOf: null, reason: null });
    expect(changes).toEqual([expect.objectContaining({ id: 'git:change:payments@aa', authoredAt: new Date('2026-03-01T07:00:00Z'), author: 'Ada', title: 'fix' })]);
  });

  it('marks an empty range on another commit as a rollback of the previous deployment, and the same commit as not one', () => {
    expect(normalizeGitDeployment('payments', { ...payload, commits: [] }, new Map()).deployment).toMatchObject({ rollbackOf: 'git:deployment:payments@v1', reason: 'rollback' });
    expect(normalizeGitDeployment('payments', { ...payload, sha: 'bb', commits: [] }, new Map()).deployment).toMatchObject({ rollbackOf: null, reason: null });
  });

  it('reads a lower version with nothing new as a maintenance release, and a higher one as a rollback', () => {
    const after510 = { ...payload, previous: { name: 'v5.1.0', sha: 'bb' }, commits: [] };
    expect(normalizeGitDeployment('express', { ...after510, name: 'v5.0.1' }, new Map()).deployment).toMatchObject({ rollbackOf: null, reason: null });
    expect(normalizeGitDeployment('express', { ...after510, name: '4.21.2' }, new Map()).deployment).toMatchObject({ rollbackOf: null, reason: null });
    expect(normalizeGitDeployment('express', { ...after510, name: 'v5.1.1' }, new Map()).deployment).toMatchObject({ rollbackOf: 'git:deployment:express@v5.1.0', reason: 'rollback' });
  });
});

import { expect, it } from 'vitest';
import { facts } from '../../lib/db/schema';
import type { FactObservation } from '../../lib/domain/facts';
import { recordFacts } from '../../lib/domain/record-facts';
import { describeEachBackend } from '../helpers/test-db';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 22));
const repository = (paths: string[], day: number): FactObservation => ({ service: 'payments', kind: 'repository', source: 'git', collectedAt: at(day), status: 'ok', data: { paths }, error: null });

describeEachBackend('recordFacts', ({ db }) => {
  const rows = async () =>
    (await db().select().from(facts).orderBy(facts.kind, facts.collectedAt)).map((row) => ({
      kind: row.kind,
      status: row.status,
      paths: (row.data as { paths?: string[] } | null)?.paths ?? null,
      collectedAt: row.collectedAt.getUTCDate(),
      checkedAt: row.checkedAt.getUTCDate(),
    }));

  it('keeps one row per real change in a weekly history, moving checkedAt over identical weeks', async () => {
    const weeks = [
      repository(['README.md'], 1),
      repository(['README.md'], 8),
      repository(['README.md', 'CODEOWNERS'], 15),
      repository(['README.md', 'CODEOWNERS'], 22),
      repository(['README.md'], 29),
      { ...repository([], 29), kind: 'catalog' as const, status: 'error' as const, data: null, error: 'catalog-info.yaml line 3: bad indentation' },
    ];
    const result = await recordFacts(db(), weeks);
    expect(result).toEqual({ changed: 4, changedIndexes: new Set([0, 2, 4, 5]) });
    expect(await rows()).toEqual([
      { kind: 'catalog', status: 'error', paths: null, collectedAt: 29, checkedAt: 29 },
      { kind: 'repository', status: 'ok', paths: ['README.md'], collectedAt: 1, checkedAt: 8 },
      { kind: 'repository', status: 'ok', paths: ['README.md', 'CODEOWNERS'], collectedAt: 15, checkedAt: 22 },
      { kind: 'repository', status: 'ok', paths: ['README.md'], collectedAt: 29, checkedAt: 29 },
    ]);
  });

  it('across calls: a repeat only moves checkedAt, a late older observation is kept apart, a second one at the same instant is ignored', async () => {
    await recordFacts(db(), [repository(['a'], 10)]);
    expect(await recordFacts(db(), [repository(['a'], 17)])).toEqual({ changed: 0, changedIndexes: new Set() });
    const late = await recordFacts(db(), [repository(['a'], 3), repository(['b'], 17), repository(['c'], 24), repository(['d'], 24)]);
    expect(late.changedIndexes).toEqual(new Set([0, 1, 2]));
    expect(await rows()).toEqual([
      { kind: 'repository', status: 'ok', paths: ['a'], collectedAt: 3, checkedAt: 3 },
      { kind: 'repository', status: 'ok', paths: ['a'], collectedAt: 10, checkedAt: 17 },
      { kind: 'repository', status: 'ok', paths: ['b'], collectedAt: 17, checkedAt: 17 },
      { kind: 'repository', status: 'ok', paths: ['c'], collectedAt: 24, checkedAt: 24 },
    ]);
  });
});

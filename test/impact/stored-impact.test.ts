import { expect, it } from 'vitest';
import { getDataRevision } from '../../lib/db/get-data-revision';
import { ensureServices } from '../../lib/domain/ensure-services';
import { ensureImpactAnalyses } from '../../lib/impact/ensure-impact-analyses';
import { getAdoptionImpact } from '../../lib/impact/get-adoption-impact';
import { getStoredImpact } from '../../lib/impact/get-stored-impact';
import { measureAdoptionImpact } from '../../lib/impact/measure-adoption-impact';
import { describeEachBackend } from '../helpers/test-db';
import { snapshotTables } from '../helpers/table-snapshot';

const NOW = new Date('2026-11-21T12:00:00Z');

describeEachBackend('stored adoption-impact analyses', ({ db }) => {
  it('are computed by the ensure step, read as stored, and computed again after a write', async () => {
    await ensureServices(db(), ['payments', 'ledger'], 'test');
    expect(await getStoredImpact({ db: db(), windowDays: 30, now: NOW })).toBeNull();

    expect(await ensureImpactAnalyses({ db: db(), now: NOW })).toBe(3);
    const stored = await getStoredImpact({ db: db(), windowDays: 30, now: NOW });
    expect(stored?.current).toBe(true);
    expect(stored!.impact).toEqual(JSON.parse(JSON.stringify(await measureAdoptionImpact({ db: db(), windowDays: 30, now: NOW }))));
    expect((await getStoredImpact({ db: db(), windowDays: 60, now: NOW }))?.impact.subjects.length).toBe(stored!.impact.subjects.length);
    // Nothing changed: nothing to compute. Another day: other inputs.
    expect(await ensureImpactAnalyses({ db: db(), now: NOW })).toBe(0);
    expect(await getStoredImpact({ db: db(), windowDays: 30, now: new Date('2026-11-22T12:00:00Z') })).toBeNull();

    // The API answers one check from the stored analysis, reading only.
    const before = await snapshotTables(db(), ['stored_analyses', 'data_revision', 'services']);
    const one = await getAdoptionImpact({ db: db(), check: 'readme', now: NOW });
    expect(one.subjects.map(({ subject }) => subject)).toEqual([expect.objectContaining({ kind: 'check', id: 'readme' })]);
    expect(await snapshotTables(db(), ['stored_analyses', 'data_revision', 'services'])).toEqual(before);

    const revision = await getDataRevision(db());
    await ensureServices(db(), ['search'], 'test');
    expect(await getDataRevision(db())).toBeGreaterThan(revision);
    expect((await getStoredImpact({ db: db(), windowDays: 30, now: NOW }))?.current).toBe(false);
    expect(await ensureImpactAnalyses({ db: db(), now: NOW })).toBe(3);
    expect((await getStoredImpact({ db: db(), windowDays: 30, now: NOW }))?.current).toBe(true);
  });
});

import { expect, it } from 'vitest';
import { incidents, services } from '../../lib/db/schema';
import { upsertRows } from '../../lib/db/upsert-rows';
import { describeEachBackend } from '../helpers/test-db';

const incident = { id: 'github:incident:1', source: 'github', sourceId: '1', service: 'payments', openedAt: new Date('2026-01-05T11:00:00Z') };

/** Rows from sources that cannot be asked to resend (GitHub, git) pass the same boundary when they are written. */
describeEachBackend('upsertRows: the storable boundary for every source', ({ db }) => {
  it('writes out NUL, drops non-http URLs and out-of-range optional times, and never fails in the database', async () => {
    await db().insert(services).values({ name: 'payments', source: 'github', sourceId: 'payments' });
    await upsertRows(db(), incidents, [{ ...incident, title: 'bad\u0000title \ud800', url: 'javascript:alert(1)', resolvedAt: new Date('2200-01-01T00:00:00Z') }], { key: [incidents.id] });
    const [row] = await db().select().from(incidents);
    expect(row).toMatchObject({ title: 'bad\\u0000title \ufffd', url: null, resolvedAt: null });
    await upsertRows(db(), services, [{ name: 'payments', source: 'github', sourceId: 'payments', tags: ['a\u0000'], catalog: { spec: { owner: 'x\u0000' } } }], { key: [services.name] });
    const [service] = await db().select().from(services);
    expect(service).toMatchObject({ tags: ['a\\u0000'], catalog: { spec: { owner: 'x\\u0000' } } });
  });

  it('refuses a row whose required time is out of range, naming table, row and column', async () => {
    const write = upsertRows(db(), incidents, [{ ...incident, openedAt: new Date('0001-01-01T00:00:00Z') }], { key: [incidents.id] });
    await expect(write).rejects.toThrow(/^incidents github:incident:1: opened_at is out of range: must be from 1970-01-01T00:00:00Z/);
    await expect(upsertRows(db(), incidents, [{ ...incident, openedAt: new Date(Number.NaN) }], { key: [incidents.id] })).rejects.toThrow(/opened_at is out of range/);
  });
});

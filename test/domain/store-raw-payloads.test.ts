import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../lib/db/query-rows';
import { storeRawPayloads, type RawPayloadInput } from '../../lib/domain/store-raw-payloads';
import { describeEachBackend } from '../helpers/test-db';

const payload = (id: string, extra: Record<string, unknown> = {}): RawPayloadInput => ({
  source: 'events',
  kind: 'deployment',
  sourceId: id,
  payload: { id, service: 'cart', status: 'success', ...extra },
});

// Small calls skip the digest lookup by default (see PROBE_FROM_ROWS); these tests ask for it where they check it.
const probed = { probe: true };

describeEachBackend('storeRawPayloads', ({ db }) => {
  const readRows = () =>
    queryRows<{ source_id: string; digest: string | null; xmin: string; xmax: string; status: string }>(
      db(),
      sql`select source_id, payload_digest as digest, xmin::text as xmin, xmax::text as xmax,
            payload->>'status' as status
          from raw_payloads order by source_id`,
    );

  it('tells inserted, updated and unchanged payloads apart, and leaves unchanged rows unwritten', async () => {
    const first = await storeRawPayloads(db(), [payload('a'), payload('b'), payload('c')]);
    expect([first.inserted.length, first.updated.length, first.unchanged]).toEqual([3, 0, 0]);
    const before = await readRows();
    expect(before.every((row) => row.digest !== null)).toBe(true);

    const again = await storeRawPayloads(
      db(),
      [payload('a'), payload('b', { status: 'failure' }), payload('d')],
      probed,
    );
    expect(again.inserted).toEqual(['events|deployment|d']);
    expect(again.updated).toEqual(['events|deployment|b']);
    expect(again.unchanged).toBe(1);
    const after = await readRows();
    // Not even locked: a row a statement locks gets a new xmax, and one it updates a new xmin.
    expect(after.find((row) => row.source_id === 'a')).toMatchObject({ xmin: before[0]!.xmin, xmax: '0' });
    expect(after.find((row) => row.source_id === 'b')).toMatchObject({ status: 'failure' });
    expect(after.find((row) => row.source_id === 'b')!.digest).not.toBe(
      before.find((row) => row.source_id === 'b')!.digest,
    );
  });

  it('counts the same JSON in another key order, or a row stored before digests, as unchanged', async () => {
    await storeRawPayloads(db(), [payload('a'), payload('b')]);
    await db().execute(sql`update raw_payloads set payload_digest = null where source_id = 'b'`);
    const reordered = { ...payload('a'), payload: { status: 'success', service: 'cart', id: 'a' } };
    const again = await storeRawPayloads(db(), [reordered, payload('b')]);
    expect([again.inserted.length, again.updated.length, again.unchanged]).toEqual([0, 0, 2]);
    const rows = await readRows();
    expect(rows.every((row) => row.digest !== null)).toBe(true);
    // The old row has its digest now, so the next identical call finds both without reading payloads.
    const third = await storeRawPayloads(db(), [reordered, payload('b')], probed);
    expect(third.unchanged).toBe(2);
    expect((await readRows()).map((row) => row.xmin)).toEqual(rows.map((row) => row.xmin));
  });

  it('keeps the last of a key given twice and counts the first as unchanged', async () => {
    const outcome = await storeRawPayloads(db(), [payload('a'), payload('a', { status: 'failure' })]);
    expect([outcome.inserted.length, outcome.unchanged]).toEqual([1, 1]);
    expect((await readRows())[0]).toMatchObject({ status: 'failure' });
  });

  it('writes a changed scope or error even when the payload is the same', async () => {
    await storeRawPayloads(db(), [payload('a')]);
    const outcome = await storeRawPayloads(db(), [{ ...payload('a'), error: 'kind: unknown' }]);
    expect(outcome.updated).toEqual(['events|deployment|a']);
  });

  it('reports the same outcome without the lookup, and rewrites no digest it already has', async () => {
    await storeRawPayloads(db(), [payload('a'), payload('b')]);
    await db().execute(sql`update raw_payloads set payload_digest = null where source_id = 'b'`);
    const before = await readRows();
    const calls = [payload('a'), payload('b'), payload('c', { status: 'failure' })];
    const outcome = await storeRawPayloads(db(), calls, { probe: false });
    expect([outcome.inserted, outcome.updated, outcome.unchanged]).toEqual([['events|deployment|c'], [], 2]);
    const after = await readRows();
    // The upsert locks what it compares (xmax moves) but only the row without a digest is written (xmin moves).
    expect(after.find((row) => row.source_id === 'a')!.xmin).toBe(before[0]!.xmin);
    expect(after.find((row) => row.source_id === 'b')!.xmin).not.toBe(before[1]!.xmin);
    expect(after.every((row) => row.digest !== null)).toBe(true);
  });
});

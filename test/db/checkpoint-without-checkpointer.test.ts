import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { checkpointWithoutCheckpointer } from '../../lib/db/checkpoint-without-checkpointer';
import { queryRows } from '../../lib/db/query-rows';
import { describeEachBackend } from '../helpers/test-db';

describeEachBackend('the write-ahead log where no checkpointer runs', ({ db, backend }) => {
  const segments = async () =>
    (await queryRows<{ count: number }>(db(), sql`select count(*)::int as count from pg_ls_waldir()`))[0]!.count;

  it('is checkpointed and its old segments removed once more than a segment was written, and only then', async () => {
    // About 60 MB of log: several 16 MB segments.
    await db().execute(sql`create table wal_filler as select repeat('x', 500) as pad from generate_series(1, 100000)`);
    if (backend === 'postgres') {
      // The server's checkpointer does it: nothing to do here.
      expect(await checkpointWithoutCheckpointer(db())).toBe(false);
      return;
    }
    const before = await segments();
    expect(before).toBeGreaterThan(3);
    expect(await checkpointWithoutCheckpointer(db())).toBe(true);
    expect(await segments()).toBeLessThanOrEqual(2);
    // Nothing written since: no checkpoint.
    expect(await checkpointWithoutCheckpointer(db())).toBe(false);
  });
});

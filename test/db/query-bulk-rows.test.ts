import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { openDatabase } from '../../lib/db/client';
import { queryBulkRows } from '../../lib/db/query-bulk-rows';
import { queryRows } from '../../lib/db/query-rows';
import { describeEachBackend } from '../helpers/test-db';

const countPrepared = (db: Parameters<typeof queryRows>[0]) =>
  queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_prepared_statements where statement like '%bulk_probe%'`);

describeEachBackend('queryBulkRows', ({ backend, db, handle }) => {
  it('answers as queryRows does, prepared on Postgres and plain on the embedded database', async () => {
    const [rows, prepared] = await db().transaction(async (tx) => {
      const answer = await queryBulkRows<{ n: number }>(tx, sql`select ${41}::int + 1 as n, 'bulk_probe' as probe`);
      return [answer, await countPrepared(tx)] as const;
    });
    expect(rows).toEqual([{ n: 42, probe: 'bulk_probe' }]);
    expect(prepared).toEqual([{ n: backend === 'postgres' ? 1 : 0 }]);
  });

  if (backend === 'postgres') {
    it('prepares nothing when the URL says prepare=false (a pooler in transaction mode)', async () => {
      const url = new URL(handle().url!);
      url.searchParams.set('prepare', 'false');
      const unprepared = await openDatabase({ backend: 'postgres', url: url.toString(), max: 1 });
      try {
        const [rows, prepared] = await unprepared.db.transaction(async (tx) => {
          const answer = await queryBulkRows<{ n: number }>(tx, sql`select ${41}::int + 1 as n, 'bulk_probe' as probe`);
          return [answer, await countPrepared(tx)] as const;
        });
        expect(rows).toEqual([{ n: 42, probe: 'bulk_probe' }]);
        expect(prepared).toEqual([{ n: 0 }]);
      } finally {
        await unprepared.close();
      }
    });
  }
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryBulkRows } from '../../lib/db/query-bulk-rows';
import { queryRows } from '../../lib/db/query-rows';
import { settleWrites } from '../../lib/db/settle-writes';
import { describeEachBackend } from '../helpers/test-db';

const said = (error: unknown) => `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message}`;

describeEachBackend('settleWrites', ({ db }) => {
  it('returns every write’s result in the order the writes were given', async () => {
    const results = await db().transaction((tx) =>
      settleWrites([queryRows<{ n: number }>(tx, sql`select 1::int as n`), queryBulkRows<{ n: number }>(tx, sql`select ${2}::int as n`)]),
    );
    expect(results).toEqual([[{ n: 1 }], [{ n: 2 }]]);
  });

  it('throws what went wrong, not a later statement’s "transaction is aborted", whichever is given or fails first', async () => {
    await db().execute(sql`create table settle_probe (id int primary key)`);
    const error = await db()
      .transaction((tx) =>
        settleWrites([
          // Sent after the failing insert below, so the database answers it only that the transaction is aborted.
          (async () => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            return queryRows(tx, sql`insert into settle_probe values (2)`);
          })(),
          // Its failure reaches settleWrites late, as one passing through more steps would: after the echo.
          queryRows(tx, sql`insert into settle_probe values (1), (1)`).catch(async (error: unknown) => {
            await new Promise((resolve) => setTimeout(resolve, 100));
            throw error;
          }),
        ]),
      )
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(said(error)).toMatch(/duplicate key/);
    // Every write was waited for before the rollback: nothing of either is left.
    expect(await queryRows(db(), sql`select id from settle_probe`)).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { analyzeStaleTables } from '../../lib/db/analyze-stale-tables';
import { queryRows } from '../../lib/db/query-rows';
import { describeEachBackend } from '../helpers/test-db';

describeEachBackend('planner statistics after an import', ({ db }) => {
  const estimate = async (table: string) =>
    (await queryRows<{ rows: number }>(db(), sql`select reltuples::int as rows from pg_class where relname = ${table}`))[0]!.rows;
  const autovacuumRuns = async () =>
    (await queryRows<{ running: boolean }>(db(), sql`select exists (select 1 from pg_stat_activity where backend_type = 'autovacuum launcher') as running`))[0]!.running;

  it('analyzes the tables an import grew past the threshold, and only those, once', async () => {
    await db().execute(sql`insert into services (name, source, source_id) select 'svc-' || i, 'test', i::text from generate_series(1, 2000) i`);
    await db().execute(sql`insert into teams (name, source) values ('only-one', 'test')`);
    if (await autovacuumRuns()) {
      // A server with autovacuum keeps its own statistics: nothing to do here.
      expect(await analyzeStaleTables(db())).toEqual([]);
      return;
    }
    expect(await estimate('services')).toBeLessThan(1);
    expect(await analyzeStaleTables(db())).toEqual(['services']);
    expect(await estimate('services')).toBe(2000);
    // Nothing changed since: nothing to analyze.
    expect(await analyzeStaleTables(db())).toEqual([]);
  });
});

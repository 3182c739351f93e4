import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { queryRows } from './query-rows';

/**
 * Refreshes the planner's statistics of every table that changed by more than autovacuum's analyze threshold (50 rows
 * plus 10 % of the table) since its last analyze, and returns their names. Postgres leaves this to autovacuum, which
 * the embedded database (PGlite, one process, no background workers) never runs, nor does a server where it is
 * switched off. Without it the planner keeps believing an imported table is empty and picks plans that read thousands
 * of rows per row. Does nothing where an autovacuum launcher is running.
 */
export const analyzeStaleTables = async (db: Executor): Promise<string[]> => {
  const [server] = await queryRows<{ autovacuum: boolean; version: number }>(
    db,
    sql`select exists (select 1 from pg_stat_activity where backend_type = 'autovacuum launcher') as autovacuum,
               current_setting('server_version_num')::int as version`,
  );
  if (server!.autovacuum) return [];
  // Table counters reach pg_stat_user_tables at most once a second; without this the last second's writes are missed.
  if (server!.version >= 150_000) await db.execute(sql`select pg_stat_force_next_flush()`);
  const stale = await queryRows<{ name: string }>(
    db,
    sql`select s.relname as name
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = current_schema() and s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
        order by s.relname`,
  );
  for (const { name } of stale) await db.execute(sql`analyze ${sql.identifier(name)}`);
  return stale.map(({ name }) => name);
};

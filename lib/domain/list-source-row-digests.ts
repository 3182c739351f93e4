import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

// Each domain table a source writes: how a row is named, and which rows are the source's. Ingestion clocks and the
// facts' surrogate id are left out of the digest: they move without the data changing.
const TABLES = [
  { table: 'teams', key: 'name', own: 'source' },
  { table: 'services', key: 'name', own: 'source' },
  { table: 'deployments', key: 'id', own: 'source' },
  { table: 'changes', key: 'id', own: 'source' },
  { table: 'deployment_changes', key: `deployment_id || ' ' || change_id`, own: 'deployment' },
  { table: 'pull_requests', key: 'id', own: 'source' },
  { table: 'incidents', key: 'id', own: 'source' },
  { table: 'pipeline_runs', key: 'id', own: 'source' },
  { table: 'facts', key: `service || ' ' || kind || ' ' || collected_at::text`, own: 'source' },
] as const;

/**
 * A digest of every domain row a source wrote, keyed `table key`: compared before and after a rewrite, it tells how
 * many rows were inserted, updated, left unchanged or removed, whatever the source's own upserts report.
 */
export const listSourceRowDigests = async (db: Executor, source: string) => {
  const digests = new Map<string, string>();
  for (const { table, key, own } of TABLES) {
    const where = own === 'source' ? sql`source = ${source}` : sql`starts_with(deployment_id, ${`${source}:`})`;
    const rows = await queryRows<{ key: string; digest: string }>(
      db,
      sql`select (${sql.raw(key)})::text as key,
        md5((to_jsonb(t) - 'ingested_at' - 'checked_at' - 'fetched_at' ${sql.raw(table === 'facts' ? "- 'id'" : '')})::text) as digest
        from ${sql.raw(table)} t where ${where}`,
    );
    for (const row of rows) digests.set(`${table} ${row.key}`, row.digest);
  }
  return digests;
};

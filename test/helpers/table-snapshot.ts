import { sql } from 'drizzle-orm';
import type { Executor } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';

export const DOMAIN_TABLES = ['services', 'teams', 'deployments', 'changes', 'deployment_changes', 'incidents', 'pipeline_runs', 'pull_requests', 'facts', 'raw_payloads'] as const;

// Columns that differ between two equal histories: surrogate serial ids and ingestion clocks (a fact's
// collected_at is when the repository was read, not part of what was read).
const VOLATILE = ['ingested_at', 'fetched_at', 'checked_at', 'collected_at'];
const SURROGATE_ID_TABLES = new Set(['raw_payloads', 'facts']);

/** Every row of the given tables as sorted text, without volatile columns: equal snapshots mean equal data. */
export const snapshotTables = async (db: Executor, tables: readonly string[] = DOMAIN_TABLES) => {
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const drop = [...VOLATILE, ...(SURROGATE_ID_TABLES.has(table) ? ['id'] : [])].map((column) => ` - '${column}'`).join('');
    const rows = await queryRows<{ row: string }>(db, sql.raw(`select (to_jsonb(t)${drop})::text as row from ${table} t`));
    snapshot[table] = rows.map((row) => row.row).sort();
  }
  return snapshot;
};

export const countRows = async (db: Executor, table: string) => {
  const [row] = await queryRows<{ count: number }>(db, sql.raw(`select count(*)::int as count from ${table}`));
  return row!.count;
};

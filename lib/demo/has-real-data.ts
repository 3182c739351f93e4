import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { DEMO_SOURCE } from './demo-setting';

// Tables of what sources report; a row from any source but the demo is real data.
const SOURCED_TABLES = ['services', 'deployments', 'changes', 'incidents', 'pipeline_runs', 'pull_requests', 'facts'] as const;

/** Whether the database holds anything besides the demo organization (the demo never loads into such a database). */
export const hasRealData = async ({ db }: { db: Executor }): Promise<boolean> => {
  const checks = SOURCED_TABLES.map((table) => `exists (select 1 from ${table} where source <> '${DEMO_SOURCE}')`).join(' or ');
  const [row] = await queryRows<{ real: boolean }>(db, sql.raw(`select (${checks}) as real`));
  return row?.real === true;
};

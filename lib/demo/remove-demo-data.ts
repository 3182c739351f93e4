import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { DEMO_SOURCE } from './demo-setting';

const DEMO = `'${DEMO_SOURCE}'`;
// A service the demo created stays when a real source has since reported something about it.
const DEMO_ONLY_SERVICES = `select s.name from services s where s.source = ${DEMO} and not exists (
  select 1 from deployments d where d.service = s.name and d.source <> ${DEMO} union all
  select 1 from changes c where c.service = s.name and c.source <> ${DEMO} union all
  select 1 from incidents i where i.service = s.name and i.source <> ${DEMO} union all
  select 1 from pipeline_runs p where p.service = s.name and p.source <> ${DEMO} union all
  select 1 from pull_requests r where r.service = s.name and r.source <> ${DEMO} union all
  select 1 from facts f where f.service = s.name and f.source <> ${DEMO})`;

// Order matters: links before their deployments, derived scorecard rows and services before their teams.
const STATEMENTS: [string, string][] = [
  [
    'deployment_changes',
    `delete from deployment_changes where deployment_id in (select id from deployments where source = ${DEMO})`,
  ],
  ['deployments', `delete from deployments where source = ${DEMO}`],
  ['changes', `delete from changes where source = ${DEMO}`],
  ['incidents', `delete from incidents where source = ${DEMO}`],
  ['pipeline_runs', `delete from pipeline_runs where source = ${DEMO}`],
  ['pull_requests', `delete from pull_requests where source = ${DEMO}`],
  ['facts', `delete from facts where source = ${DEMO}`],
  ['raw_payloads', `delete from raw_payloads where source = ${DEMO}`],
  ['check_results', `delete from check_results where service in (${DEMO_ONLY_SERVICES})`],
  ['scorecard_snapshots', `delete from scorecard_snapshots where service in (${DEMO_ONLY_SERVICES})`],
  ['service_owners', `delete from service_owners where service in (${DEMO_ONLY_SERVICES})`],
  ['services', `delete from services where name in (${DEMO_ONLY_SERVICES})`],
  [
    'teams',
    `delete from teams t where t.source = ${DEMO} and not exists (select 1 from services s where s.team = t.name)`,
  ],
  ['ingest_runs', `delete from ingest_runs where source = ${DEMO}`],
];

/**
 * Deletes everything the demo organization put in the database, in one transaction, and nothing else: rows of
 * other sources stay, and so does a demo service or team that real data now refers to. Returns rows removed per table.
 */
export const removeDemoData = async ({ db }: { db: Executor }): Promise<Record<string, number>> =>
  db.transaction(async (tx) => {
    const removed: Record<string, number> = {};
    for (const [table, statement] of STATEMENTS) {
      const rows = await queryRows<{ count: number }>(
        tx,
        sql.raw(`with gone as (${statement} returning 1) select count(*)::int as count from gone`),
      );
      removed[table] = rows[0]?.count ?? 0;
    }
    return removed;
  });

import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/query-rows';

// The lock the maintenance triggers take too (drizzle/0002_metrics-rollup-triggers.sql).
const ROLLUP_LOCK = 7_406_113_022;

/**
 * (Re)builds metrics_first_shipments for a production pattern, from scratch. Two transactions: the first records the
 * pattern (waiting for writers that saw the old one, which hold a share lock on the state row), so every writer from
 * then on maintains the rollup; the second, under the writers' lock, rebuilds it and marks it built. Needs a
 * database, not a transaction. Idempotent: a rebuild that finds the rollup already built for the pattern does nothing.
 */
export const refreshMetricsRollup = async ({ db, pattern, force = false }: { db: Db; pattern: string; force?: boolean }) => {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update metrics_rollup_state set production_pattern = ${pattern}, built_at = null
      where id = 1 and (production_pattern is distinct from ${pattern} or ${force})`);
  });
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    const [state] = await queryRows<{ pattern: string | null; built: boolean }>(
      tx,
      sql`select production_pattern as pattern, built_at is not null as built from metrics_rollup_state where id = 1`,
    );
    if (!state || state.pattern !== pattern || state.built) return;
    await tx.execute(sql`truncate metrics_first_shipments`);
    // Stored in shipping order, as the triggers append later ones: a window's rows then sit together on disk.
    await tx.execute(sql`insert into metrics_first_shipments (service, sha, deployment_id, finished_at, authored_at, pull_request_ids)
      select * from (
      select distinct on (x.service, x.sha) x.service, x.sha, x.deployment_id, x.finished_at, x.authored_at, x.pull_request_ids
      from (
        select c.service, c.sha, d.id as deployment_id, d.finished_at, min(c.authored_at) as authored_at,
               array_agg(distinct c.pull_request_id) filter (where c.pull_request_id is not null) as pull_request_ids
        from changes c
        join deployment_changes dc on dc.change_id = c.id
        join deployments d on d.id = dc.deployment_id and d.service = c.service
        where d.status = 'success' and d.finished_at is not null and d.environment ~* ${pattern}
        group by c.service, c.sha, d.id, d.finished_at
      ) x
      order by x.service, x.sha, x.finished_at, x.deployment_id collate "C"
      ) first
      order by first.finished_at`);
    await tx.execute(sql`update metrics_rollup_state set built_at = now() where id = 1`);
  });
};

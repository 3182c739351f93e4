import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Rollup for lead time, kept exact by triggers (drizzle/0003, 0013, 0016): for each commit (service, sha), the first
 * counted deployment of that service that shipped it (success, production pattern of `metrics_rollup_state`, ties by
 * id).
 * The metrics read it instead of searching every commit's earlier deployments, which is what makes an org-wide
 * lead time fast; any answer is the same with or without it (lib/metrics falls back to the direct query).
 */
export const metricsFirstShipments = pgTable(
  'metrics_first_shipments',
  {
    service: text('service').notNull(),
    sha: text('sha').notNull(),
    deploymentId: text('deployment_id').notNull(),
    finishedAt: at('finished_at').notNull(),
    /** The earliest author time among the commit's rows that deployment carried. */
    authoredAt: at('authored_at').notNull(),
    /** Pull requests of those rows (for rework by label), null when none. */
    pullRequestIds: text('pull_request_ids').array(),
  },
  (t) => [primaryKey({ columns: [t.service, t.sha] }), index('metrics_first_shipments_finished_idx').on(t.finishedAt), index('metrics_first_shipments_service_finished_idx').on(t.service, t.finishedAt)],
);

/** One row: the production pattern the rollup was built for; null until built (metrics then build it on first use). */
export const metricsRollupState = pgTable('metrics_rollup_state', {
  id: integer('id').primaryKey(),
  productionPattern: text('production_pattern'),
  builtAt: at('built_at'),
});

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import type { MetricsSettings } from './metrics-types';

/**
 * Whether a metrics query may read the lead-time rollup: yes when it is built for the pattern asked for. A read never
 * builds it (that is `ensureMetricsRollup`, run by writers and the server's upkeep); until then the direct query
 * gives the same answer.
 */
export const getRollupUsable = async (db: Executor, settings: MetricsSettings): Promise<boolean> => {
  const [state] = await queryRows<{ pattern: string | null; built: boolean }>(
    db,
    sql`select production_pattern as pattern, built_at is not null as built from metrics_rollup_state where id = 1`,
  );
  return state?.pattern === settings.productionEnvironmentPattern && state.built;
};

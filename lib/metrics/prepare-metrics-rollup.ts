import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { getConfig } from '../config/load-config';
import type { Db, Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import type { MetricsSettings } from './metrics-types';
import { refreshMetricsRollup } from './refresh-metrics-rollup';

/**
 * Whether a metrics query may read the lead-time rollup: yes when it is built for the pattern asked for. For the
 * configured pattern a missing or outdated rollup is built first (once, after install or a pattern change); any other
 * pattern (a what-if, a test) and calls inside a caller's transaction use the direct query, which gives the same answer.
 */
export const prepareMetricsRollup = async (db: Executor, settings: MetricsSettings): Promise<boolean> => {
  const pattern = settings.productionEnvironmentPattern;
  const isBuilt = async () => {
    const [state] = await queryRows<{ pattern: string | null; built: boolean }>(
      db,
      sql`select production_pattern as pattern, built_at is not null as built from metrics_rollup_state where id = 1`,
    );
    return state?.pattern === pattern && state.built;
  };
  if (await isBuilt()) return true;
  if (pattern !== getConfig().metrics.productionEnvironmentPattern || db instanceof PgTransaction) return false;
  await refreshMetricsRollup({ db: db as Db, pattern });
  // Another process may have moved the rollup to another pattern meanwhile.
  return isBuilt();
};

import { PgTransaction } from 'drizzle-orm/pg-core';
import { getConfig } from '../config/load-config';
import type { Db, Executor } from '../db/client';
import { getRollupUsable } from './get-rollup-usable';
import type { MetricsSettings } from './metrics-types';
import { refreshMetricsRollup } from './refresh-metrics-rollup';

/**
 * The writers' side of the lead-time rollup: for the configured pattern a missing or outdated rollup is built (once,
 * after install or a pattern change). Any other pattern (a what-if, a test) and calls inside a caller's transaction
 * leave it as it is. Returns whether queries for these settings may read it.
 */
export const ensureMetricsRollup = async (db: Executor, settings: MetricsSettings): Promise<boolean> => {
  if (await getRollupUsable(db, settings)) return true;
  const pattern = settings.productionEnvironmentPattern;
  if (pattern !== getConfig().metrics.productionEnvironmentPattern || db instanceof PgTransaction) return false;
  await refreshMetricsRollup({ db: db as Db, pattern });
  // Another process may have moved the rollup to another pattern meanwhile.
  return getRollupUsable(db, settings);
};

import { analyzeStaleTables } from '../db/analyze-stale-tables';
import { describeError } from '../errors';
import { log } from '../observability/log';
import { evaluateScorecardsAfterImport } from '../scorecard/evaluate-scorecards-after-import';

type SettleImportOptions = Parameters<typeof evaluateScorecardsAfterImport>[0];

/**
 * What every ingest does once its rows are committed: refresh the planner's statistics where no autovacuum will
 * (an import can grow a table a hundredfold, and the scorecards' metric checks query it next), then re-evaluate the
 * scorecards of the services it touched. Neither undoes the import when it fails: the problem is logged and the
 * server's periodic upkeep catches up.
 */
export const settleImport = async (options: SettleImportOptions) => {
  try {
    await analyzeStaleTables(options.db);
  } catch (error) {
    log.warn('planner statistics could not be refreshed after the import', { error: describeError(error) });
  }
  return evaluateScorecardsAfterImport(options);
};

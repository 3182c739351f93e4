import { analyzeStaleTables } from '../db/analyze-stale-tables';
import { checkpointWithoutCheckpointer } from '../db/checkpoint-without-checkpointer';
import { describeError } from '../errors';
import { log } from '../observability/log';
import { evaluateScorecardsAfterImport } from '../scorecard/evaluate-scorecards-after-import';

type SettleImportOptions = Parameters<typeof evaluateScorecardsAfterImport>[0];

/**
 * What every ingest does once its rows are committed: refresh the planner's statistics where no autovacuum will
 * (an import can grow a table a hundredfold, and the scorecards' metric checks query it next), re-evaluate the
 * scorecards of the services it touched, then trim the write-ahead log where no checkpointer will. None undoes the
 * import when it fails: the problem is logged and the server's periodic upkeep catches up.
 */
export const settleImport = async (options: SettleImportOptions) => {
  try {
    await analyzeStaleTables(options.db);
  } catch (error) {
    log.warn('planner statistics could not be refreshed after the import', { error: describeError(error) });
  }
  const evaluated = await evaluateScorecardsAfterImport(options);
  try {
    await checkpointWithoutCheckpointer(options.db);
  } catch (error) {
    log.warn('the write-ahead log could not be checkpointed after the import', { error: describeError(error) });
  }
  return evaluated;
};

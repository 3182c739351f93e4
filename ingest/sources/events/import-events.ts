import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '../../../lib/db/client';
import { SOURCE_NAME } from '../../../lib/domain/ids';
import { AppError } from '../../../lib/errors';
import { withSpan } from '../../../lib/observability/trace';
import { hasRawPayloads } from '../../../lib/domain/has-raw-payloads';
import { prepareRawPayload } from '../../../lib/domain/store-raw-payloads';
import type { EventInput } from './event-input';
import { normalizeEventRecord } from './normalize-event-record';
import { validateEventRecord } from './validate-event-record';
import { startBatchPipeline } from './start-batch-pipeline';
import { createImportCounts, type EventBatchItem } from './write-event-batch';

export type { ImportCounts, KindCounts } from './write-event-batch';

type Valid = EventBatchItem;

/** How many records are read between two turns of the event loop. */
const RECORDS_BETWEEN_ANSWERS = 32;

export type ImportEventsOptions = {
  /** A database, not a transaction: the import runs in a transaction of its own. */
  db: Db;
  input: AsyncIterable<EventInput> | Iterable<EventInput>;
  /** Namespaces ids: the same id from two sources is two records. Default `events`. */
  source?: string;
  batchSize?: number;
  /** How many errors are listed before the rest are only counted. */
  maxListedErrors?: number;
  onProgress?: (progress: { records: number }) => void;
};

/**
 * Imports events-v1 records all-or-nothing. Records are validated and written in batches inside one transaction,
 * so a file of any size streams through; if any record is invalid, every error is collected (by line or index and
 * field) and the transaction is rolled back, leaving the database exactly as it was.
 */
export const importEvents = async ({ db, input, source = 'events', batchSize = 1000, maxListedErrors = 1000, onProgress }: ImportEventsOptions) => {
  if (!SOURCE_NAME.test(source)) {
    throw new AppError('USAGE', `source: "${source}" is not a valid source name (lowercase letters, digits, - and _)`);
  }
  return withSpan('waymark.import_events', { 'waymark.source': source }, () =>
    db.transaction(async (tx) => {
      const counts = createImportCounts();
      const errors: string[] = [];
      let errorCount = 0;
      let invalidRecords = 0;
      let seen = 0;
      let batch: Valid[] = [];
      // A source's first import has nothing stored to compare with: its batches skip the lookup of unchanged payloads.
      // Otherwise storePreparedPayloads decides, by the same rule as for every other caller of storeRawPayloads.
      const probe = (await hasRawPayloads(tx, source)) ? undefined : false;

      const pipeline = startBatchPipeline(tx, source, counts, { probe });
      const flush = async () => {
        if (errorCount === 0 && batch.length > 0) await pipeline.push(batch);
        batch = [];
        onProgress?.({ records: seen });
      };

      // A read error of the input ends the import too: no statement may still run when the transaction rolls back.
      try {
        for await (const item of input) {
          seen++;
          // Reading a batch is tens of milliseconds of JavaScript: let the database's answers to the batches in flight
          // in between, so their next statements go out while this one is read (see startBatchPipeline).
          if (seen % RECORDS_BETWEEN_ANSWERS === 0) await yieldToEventLoop();
          const result = item.parseError
            ? { ok: false as const, errors: [item.parseError] }
            : validateEventRecord(item.value);
          if (!result.ok) {
            invalidRecords++;
            errorCount += result.errors.length;
            for (const message of result.errors) {
              if (errors.length < maxListedErrors) errors.push(`${item.position}: ${message}`);
            }
            continue;
          }
          // After the first error nothing more is written, but every record is still checked so all errors are listed.
          if (errorCount === 0) {
            const normalized = normalizeEventRecord(result.record, source);
            const raw = { source, kind: normalized.kind, sourceId: normalized.key, payload: item.value };
            batch.push({ normalized, payload: prepareRawPayload(raw) });
          }
          if (batch.length >= batchSize || (errorCount > 0 && seen % batchSize === 0)) await flush();
        }
        await flush();
      } catch (error) {
        await pipeline.settle();
        throw error;
      }
      await pipeline.drain();

      if (errorCount > 0) {
        if (errorCount > errors.length) errors.push(`… and ${errorCount - errors.length} more`);
        const records = `${invalidRecords} invalid record${invalidRecords === 1 ? '' : 's'}`;
        const problems = `${errorCount} problem${errorCount === 1 ? '' : 's'}`;
        throw new AppError('VALIDATION_FAILED', `${records} (${problems}); nothing was imported`, {
          details: errors,
        });
      }
      return counts;
    }),
  );
};

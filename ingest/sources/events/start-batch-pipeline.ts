import type { Executor } from '../../../lib/db/client';
import { noteFirstFailure } from '../../../lib/db/note-first-failure';
import { withSpan } from '../../../lib/observability/trace';
import { storeEventPayloads, writeEventRows, type EventBatchItem, type ImportCounts } from './write-event-batch';

/** Batches written at once: the one whose rows are being written and the next, whose raw payloads are being stored. */
const IN_FLIGHT = 2;

/**
 * Writes an import's batches in two stages that overlap: batch N+1's raw payloads are stored while batch N's rows
 * are written. Both go through the import's one transaction, which executes one statement at a time; what overlaps
 * is the JavaScript building one batch's statements with the database executing the other's. On Postgres the
 * database is another process, and before this an import kept them strictly taking turns (issue 19).
 *
 * Each table still receives the batches in file order, so a record repeated in a later batch keeps its last version:
 * each stage takes the batches one after the other, and the stages write different tables (raw payloads; the rest).
 * At most IN_FLIGHT batches are held, so memory stays flat in the file's size.
 */
export const startBatchPipeline = (tx: Executor, source: string, counts: ImportCounts, options: { probe?: boolean }) => {
  let stored: Promise<unknown> = Promise.resolve();
  let written: Promise<unknown> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const failures = noteFirstFailure();

  /** Waits until every batch has finished or failed, so no statement is left running when the transaction ends. */
  const settle = async () => {
    await Promise.allSettled(inFlight.splice(0));
  };

  /** Waits for every batch, then throws the failure that says what went wrong, if any (see noteFirstFailure). */
  const drain = async () => {
    await settle();
    if (failures.failure) throw failures.failure.error;
  };

  const push = async (batch: EventBatchItem[]) => {
    if (inFlight.length >= IN_FLIGHT) await Promise.allSettled([inFlight.shift()]);
    // After a failure nothing more is sent: the transaction is aborted and only rolls back.
    if (failures.failure) await drain();
    const afterStored = stored;
    const afterWritten = written;
    const storing = (async () => {
      await afterStored;
      return storeEventPayloads(tx, source, batch, options);
    })();
    const writing = withSpan('waymark.import_events.batch', { 'waymark.records': batch.length }, async () => {
      const ready = await storing;
      await afterWritten;
      await writeEventRows(tx, ready, counts);
    });
    failures.watch(storing);
    failures.watch(writing);
    stored = storing;
    written = writing;
    inFlight.push(writing);
  };

  return { push, drain, settle };
};

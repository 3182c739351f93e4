import type { Db } from '../db/client';
import { isAppError } from '../errors';
import { log } from '../observability/log';
import { finishIngestRun, startIngestRun } from '../runs/record-ingest-run';
import { settleImport } from '../runs/settle-import';
import type { EventInput } from './event-input';
import { importEvents, type ImportCounts } from './import-events';

export type RunEventImportOptions = {
  db: Db;
  input: AsyncIterable<EventInput> | Iterable<EventInput>;
  source?: string;
  /** What is being imported, for the run record: a file name, `stdin`, `http`. */
  scope: string;
  onProgress?: (progress: { records: number }) => void;
};

const flattenCounts = (counts: ImportCounts) => ({
  records: counts.records,
  inserted: counts.inserted,
  updated: counts.updated,
  unchanged: counts.unchanged,
});

/** The services a record names, noted as records stream past, so the scorecards of exactly those are re-evaluated. */
async function* noteServices(input: AsyncIterable<EventInput> | Iterable<EventInput>, services: Set<string>) {
  for await (const item of input) {
    const record = item.value as { kind?: unknown; name?: unknown; service?: unknown } | null | undefined;
    const name = record?.kind === 'service' ? record.name : record?.service;
    if (typeof name === 'string') services.add(name.trim());
    yield item;
  }
}

/** The one way events-v1 records get in, used by `waymark ingest events` and `POST /api/events` alike. */
export const runEventImport = async ({ db, input, source = 'events', scope, onProgress }: RunEventImportOptions) => {
  const runId = await startIngestRun(db, { job: 'events', source, scope });
  try {
    const services = new Set<string>();
    const counts = await importEvents({ db, input: noteServices(input, services), source, onProgress });
    await finishIngestRun(db, runId, { status: 'success', counts: flattenCounts(counts) });
    await settleImport({ db, counts, services });
    return counts;
  } catch (error) {
    const summary = isAppError(error) ? [error.message, ...error.details.slice(0, 20)].join('\n') : (error as Error).message;
    // Recording the failure must never replace the reason it failed (the validation report) with its own error.
    await finishIngestRun(db, runId, { status: 'failed', error: summary }).catch((recordError: unknown) => log.error('could not record the failed import', { error: recordError }));
    throw error;
  }
};

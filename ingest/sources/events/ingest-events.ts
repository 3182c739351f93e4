import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import type { EventInput } from './event-input';
import { importEvents, type ImportCounts } from './import-events';

export type IngestEventsOptions = {
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

/**
 * The one way events-v1 records get in (`waymark ingest events`, `POST /api/events`, the demo): one pipeline run
 * whose step is the all-or-nothing import; the runner records it and settles the services the records name.
 */
export const ingestEvents = ({ db, input, source = 'events', scope, onProgress }: IngestEventsOptions) =>
  runIngest({ db, job: 'events', source, scope }, async (run) => {
    const services = new Set<string>();
    const counts = await importEvents({ db, input: noteServices(input, services), source, onProgress });
    run.touch(services);
    return { result: counts, counts: flattenCounts(counts), changes: counts };
  });

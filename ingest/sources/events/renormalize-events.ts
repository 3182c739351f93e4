import { and, asc, eq, gt, inArray, notInArray } from 'drizzle-orm';
import type { Db, Executor } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import { queryRows } from '../../../lib/db/query-rows';
import { sql } from 'drizzle-orm';
import { renormalizeSource } from '../renormalize-source';
import { RECORD_KINDS } from './events-v1-schema';
import { normalizeEventRecord } from './normalize-event-record';
import { validateEventRecord } from './validate-event-record';
import { createImportCounts, writeEventBatch, type EventBatchItem } from './write-event-batch';

const BATCH = 1000;

/** The namespaces events-v1 records were imported under (`--source`, `demo`): sources of stored record kinds. */
const listEventNamespaces = async (db: Executor, exclude: readonly string[]) => {
  const rows = await queryRows<{ source: string }>(
    db,
    sql`select distinct source from raw_payloads where ${inArray(rawPayloads.kind, [...RECORD_KINDS])}
      and ${notInArray(rawPayloads.source, [...exclude])} order by source`,
  );
  return rows.map((row) => row.source);
};

/** One namespace's stored records, re-validated, normalized and written in batches, in one transaction. */
const renormalizeNamespace = (db: Db, source: string) =>
  db.transaction(async (tx) => {
    const counts = createImportCounts();
    const services = new Set<string>();
    let invalid = 0;
    let after = 0;
    for (;;) {
      const page = await tx
        .select({ id: rawPayloads.id, payload: rawPayloads.payload })
        .from(rawPayloads)
        .where(and(eq(rawPayloads.source, source), inArray(rawPayloads.kind, [...RECORD_KINDS]), gt(rawPayloads.id, after)))
        .orderBy(asc(rawPayloads.id))
        .limit(BATCH);
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      const batch: EventBatchItem[] = [];
      for (const row of page) {
        // A record stored under an older schema that the current one refuses is left as it was, and counted.
        const result = validateEventRecord(row.payload);
        if (!result.ok) {
          invalid++;
          continue;
        }
        const normalized = normalizeEventRecord(result.record, source);
        batch.push({ normalized, payload: null });
        const record = result.record as { kind: string; name?: string; service?: string };
        const service = record.kind === 'service' ? record.name : record.service;
        if (service) services.add(service.trim());
      }
      await writeEventBatch(tx, source, batch, counts, { store: false });
    }
    return { services, invalid };
  });

/**
 * Runs the events-v1 normalizer again over every stored record of every namespace (sources with a renormalizer of
 * their own excluded) and writes what it gives; the raw payloads are read, never rewritten.
 */
export const renormalizeEvents = (db: Db, { exclude }: { exclude: readonly string[] }) => {
  let namespaces: string[] = [];
  return renormalizeSource(
    db,
    'events',
    async () => (namespaces = await listEventNamespaces(db, exclude)),
    async (run) => {
      let invalid = 0;
      for (const source of namespaces) {
        const written = await renormalizeNamespace(db, source);
        run.touch(written.services);
        invalid += written.invalid;
      }
      return { scopes: namespaces.length, invalid };
    },
  );
};

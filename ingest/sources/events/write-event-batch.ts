import { incidents, pipelineRuns } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { settleWrites } from '../../../lib/db/settle-writes';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { recordFacts } from '../../../lib/domain/record-facts';
import { storePreparedPayloads, type PreparedRawPayload } from '../../../lib/domain/store-raw-payloads';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { RECORD_KINDS, type RecordKind } from './events-v1-schema';
import type { NormalizedRecord } from './normalize-event-record';

export type KindCounts = { inserted: number; updated: number; unchanged: number };
export type ImportCounts = KindCounts & { records: number; byKind: Record<RecordKind, KindCounts> };

/** A record to write; `payload` is its raw payload prepared for storing, null where it is not stored again. */
export type EventBatchItem = { normalized: NormalizedRecord; payload: PreparedRawPayload | null };

export const createImportCounts = (): ImportCounts => ({
  records: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  byKind: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<RecordKind, KindCounts>,
});

/** A batch whose raw payloads are stored: the records left to write, and what to count them as. */
export type StoredEventBatch = {
  source: string;
  records: EventBatchItem[];
  /** Records repeated later in the batch, counted unchanged. */
  superseded: number;
  /** `kind|key` of the records whose raw payload was new or changed. */
  rawChanged: Set<string>;
  toWrite: EventBatchItem[];
};

/**
 * Stores one batch's raw payloads (unless `store` is false: renormalizing reads them from there) and picks the
 * records whose rows must be written: those whose raw payload is new or changed. `probe` goes to storePreparedPayloads
 * as it is: left out, it decides by the batch's size; false when the source had no raw payloads as the import began.
 */
export const storeEventPayloads = async (
  tx: Executor,
  source: string,
  batch: EventBatchItem[],
  { store = true, probe }: { store?: boolean; probe?: boolean } = {},
): Promise<StoredEventBatch> => {
  // Within one batch a repeated record keeps its last version, as it would have across batches.
  const latest = new Map<string, EventBatchItem>();
  for (const item of batch) latest.set(`${item.normalized.kind}|${item.normalized.key}`, item);
  const records = [...latest.values()];
  const superseded = batch.length - records.length;

  const payloads = store ? records.map((record) => record.payload) : [];
  if (payloads.includes(null)) throw new Error('storeEventPayloads: a record to store has no prepared payload');
  const raw = store
    ? await storePreparedPayloads(tx, payloads as PreparedRawPayload[], { probe })
    : { inserted: [], updated: [] };
  const rawChanged = new Set([...raw.inserted, ...raw.updated].map((key) => key.split('|').slice(1).join('|')));

  // Normalizing is a pure function of the raw record: an unchanged raw payload already has its rows. Renormalizing
  // (store false) is the way to rewrite rows after a normalizer changed.
  const toWrite = store ? records.filter(({ normalized: n }) => rawChanged.has(`${n.kind}|${n.key}`)) : records;
  return { source, records, superseded, rawChanged, toWrite };
};

/**
 * Writes the rows of a stored batch: services, deployments, incidents, pipeline runs and facts; counts each record as
 * inserted, updated or unchanged.
 */
export const writeEventRows = async (
  tx: Executor,
  { source, records, superseded, rawChanged, toWrite }: StoredEventBatch,
  counts: ImportCounts,
) => {
  const of = <K extends NormalizedRecord['kind']>(kind: K) =>
    toWrite.map((item) => item.normalized).filter((record): record is Extract<NormalizedRecord, { kind: K }> => record.kind === kind);
  const serviceRecords = of('service');
  const deploymentRecords = of('deployment');
  const incidentRecords = of('incident');
  const pipelineRecords = of('pipeline_run');
  const factRecords = of('facts');

  const serviceNames = [
    ...deploymentRecords.map((r) => r.deployment.service),
    ...incidentRecords.map((r) => r.incident.service),
    ...pipelineRecords.map((r) => r.pipelineRun.service),
    ...factRecords.map((r) => r.service),
  ];
  const writeServices = async () => {
    const written = await upsertServices(tx, serviceRecords.map((record) => record.service));
    await ensureServices(tx, serviceNames, source);
    return written;
  };
  // Tables that do not refer to one another (no foreign keys; the rollup's triggers keep it exact in any order),
  // written side by side so the database runs one statement while the next is built.
  const [services, deployments, incidentsWritten, runsWritten] = await settleWrites([
    writeServices(),
    upsertDeployments(tx, deploymentRecords),
    upsertRows(tx, incidents, incidentRecords.map((r) => r.incident), { key: [incidents.id] }),
    upsertRows(tx, pipelineRuns, pipelineRecords.map((r) => r.pipelineRun), { key: [pipelineRuns.id] }),
  ]);

  const outcome = new Map<string, 'inserted' | 'updated'>();
  const mark = (kind: string, key: string, state: 'inserted' | 'updated') => {
    if (outcome.get(`${kind}|${key}`) !== 'inserted') outcome.set(`${kind}|${key}`, state);
  };
  const markWritten = (kind: RecordKind, written: { inserted: Iterable<string>; updated: Iterable<string> }, keyById: Map<string, string>) => {
    for (const id of written.inserted) mark(kind, keyById.get(id)!, 'inserted');
    for (const id of written.updated) mark(kind, keyById.get(id)!, 'updated');
  };
  markWritten('service', services, new Map(serviceRecords.map((r) => [r.service.name, r.key])));
  markWritten('deployment', deployments, new Map(deploymentRecords.map((r) => [r.deployment.id, r.key])));
  markWritten('incident', incidentsWritten, new Map(incidentRecords.map((r) => [r.incident.id, r.key])));
  markWritten('pipeline_run', runsWritten, new Map(pipelineRecords.map((r) => [r.pipelineRun.id, r.key])));
  // All the batch's observations in one call: a weekly facts history is thousands of them.
  const observations = factRecords.flatMap((record) => record.facts.map((fact) => ({ fact, key: record.key })));
  const { changedIndexes } = await recordFacts(
    tx,
    observations.map((item) => item.fact),
  );
  for (const index of changedIndexes) mark('facts', observations[index]!.key, 'inserted');
  for (const key of rawChanged) if (!outcome.has(key)) outcome.set(key, 'updated');

  for (const { normalized } of records) {
    const state = outcome.get(`${normalized.kind}|${normalized.key}`) ?? 'unchanged';
    counts.byKind[normalized.kind][state]++;
    counts[state]++;
  }
  counts.unchanged += superseded;
  counts.records += records.length + superseded;
};

/** Stores one batch's raw payloads, then writes its rows (see storeEventPayloads and writeEventRows). */
export const writeEventBatch = async (
  tx: Executor,
  source: string,
  batch: EventBatchItem[],
  counts: ImportCounts,
  options: { store?: boolean; probe?: boolean } = {},
) => writeEventRows(tx, await storeEventPayloads(tx, source, batch, options), counts);

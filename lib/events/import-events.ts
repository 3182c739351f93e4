import { incidents, pipelineRuns } from '../db/schema';
import type { Db, Executor } from '../db/client';
import { upsertRows } from '../db/upsert-rows';
import { ensureServices } from '../domain/ensure-services';
import { SOURCE_NAME } from '../domain/ids';
import { recordFacts } from '../domain/record-facts';
import { storeRawPayloads } from '../domain/store-raw-payloads';
import { upsertDeployments } from '../domain/upsert-deployments';
import { upsertServices } from '../domain/upsert-services';
import { AppError } from '../errors';
import { withSpan } from '../observability/trace';
import type { EventInput } from './event-input';
import { RECORD_KINDS, type RecordKind } from './events-v1-schema';
import { normalizeEventRecord, type NormalizedRecord } from './normalize-event-record';
import { validateEventRecord } from './validate-event-record';

export type KindCounts = { inserted: number; updated: number; unchanged: number };
export type ImportCounts = KindCounts & { records: number; byKind: Record<RecordKind, KindCounts> };

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

type Valid = { normalized: NormalizedRecord; raw: unknown };

const emptyCounts = (): ImportCounts => ({
  records: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  byKind: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<RecordKind, KindCounts>,
});

const writeBatch = async (tx: Executor, source: string, batch: Valid[], counts: ImportCounts) => {
  // Within one batch a repeated record keeps its last version, as it would have across batches.
  const latest = new Map<string, Valid>();
  for (const item of batch) latest.set(`${item.normalized.kind}|${item.normalized.key}`, item);
  const records = [...latest.values()];
  const superseded = batch.length - records.length;

  const raw = await storeRawPayloads(
    tx,
    records.map(({ normalized, raw }) => ({ source, kind: normalized.kind, sourceId: normalized.key, payload: raw })),
  );
  const rawChanged = new Set([...raw.inserted, ...raw.updated].map((key) => key.split('|').slice(1).join('|')));

  const of = <K extends NormalizedRecord['kind']>(kind: K) =>
    records.map((item) => item.normalized).filter((record): record is Extract<NormalizedRecord, { kind: K }> => record.kind === kind);
  const serviceRecords = of('service');
  const deploymentRecords = of('deployment');
  const incidentRecords = of('incident');
  const pipelineRecords = of('pipeline_run');
  const factRecords = of('facts');

  const services = await upsertServices(tx, serviceRecords.map((record) => record.service));
  await ensureServices(
    tx,
    [...deploymentRecords.map((r) => r.deployment.service), ...incidentRecords.map((r) => r.incident.service), ...pipelineRecords.map((r) => r.pipelineRun.service), ...factRecords.map((r) => r.service)],
    source,
  );
  const deployments = await upsertDeployments(tx, deploymentRecords);
  const incidentsWritten = await upsertRows(tx, incidents, incidentRecords.map((r) => r.incident), { key: [incidents.id] });
  const runsWritten = await upsertRows(tx, pipelineRuns, pipelineRecords.map((r) => r.pipelineRun), { key: [pipelineRuns.id] });

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
  counts.records += batch.length;
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
      const counts = emptyCounts();
      const errors: string[] = [];
      let errorCount = 0;
      let invalidRecords = 0;
      let seen = 0;
      let batch: Valid[] = [];

      const flush = async () => {
        if (errorCount === 0 && batch.length > 0) {
          const records = batch;
          await withSpan('waymark.import_events.batch', { 'waymark.records': records.length }, () => writeBatch(tx, source, records, counts));
        }
        batch = [];
        onProgress?.({ records: seen });
      };

      for await (const item of input) {
        seen++;
        const result = item.parseError ? { ok: false as const, errors: [item.parseError] } : validateEventRecord(item.value);
        if (!result.ok) {
          invalidRecords++;
          errorCount += result.errors.length;
          for (const message of result.errors) if (errors.length < maxListedErrors) errors.push(`${item.position}: ${message}`);
          continue;
        }
        // After the first error nothing more is written, but every record is still checked so all errors are listed.
        if (errorCount === 0) batch.push({ normalized: normalizeEventRecord(result.record, source), raw: item.value });
        if (batch.length >= batchSize || (errorCount > 0 && seen % batchSize === 0)) await flush();
      }
      await flush();

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

import type { Db } from '../db/client';
import { describeError, isAppError } from '../errors';
import { finishIngestRun, startIngestRun, type IngestRunEnd } from '../runs/record-ingest-run';
import { settleImport } from '../runs/settle-import';

/** What a source's step tells the runner it did; the runner records it and settles the services it touched. */
export type IngestOutcome<T> = Omit<IngestRunEnd, 'status'> & {
  status?: IngestRunEnd['status'];
  result: T;
  /** An events import's per-kind counts: re-scoring is skipped when nothing a check reads changed. */
  changes?: Parameters<typeof settleImport>[0]['counts'];
};

/** A run in progress, as a source's step sees it: its record's id and where it notes the services it wrote. */
export type IngestRun = {
  id: string | null;
  db: Db;
  /** Services whose rows this run wrote (created, changed or merely re-read): they are re-scored once, at the end. */
  touch: (services: Iterable<string>) => void;
  /** What is done so far (counts, requests), kept on the record when the step throws: a stopped run shows it. */
  sofar: Omit<IngestRunEnd, 'status' | 'error'>;
};

export type RunIngestOptions = {
  db: Db;
  /** The run record's job, source and scope (ingest_runs). */
  job: string;
  source: string;
  scope?: string | null;
  /**
   * A run in progress that this one is part of (a repository of an organization sync): the record names it as
   * parent and the services touched are settled by it, once. A run id (a queued job's parent) only names it.
   */
  parent?: IngestRun | string | null;
  /** false: no ingest_runs row (a webhook delivery is on record in webhook_deliveries already). */
  record?: boolean;
  /** The failure text for the record; the error's own message by default. */
  describeFailure?: (error: unknown) => string;
};

const summarize = (error: unknown) =>
  isAppError(error) ? [error.message, ...error.details.slice(0, 20)].join('\n') : describeError(error);

/**
 * The one pipeline every source runs through: start the run record → the source's step collects and stores raw
 * payloads, normalizes them with pure functions and upserts domain rows → finish the record with its counts →
 * settle (planner statistics, re-scoring of the services touched) once. A step that throws is recorded as failed
 * and rethrown, and nothing is settled: its committed batches are caught up by the server's upkeep.
 */
export const runIngest = async <T>(options: RunIngestOptions, step: (run: IngestRun) => Promise<IngestOutcome<T>>): Promise<T> => {
  const { db } = options;
  const parent = typeof options.parent === 'object' ? options.parent : null;
  const parentId = typeof options.parent === 'string' ? options.parent : (parent?.id ?? null);
  const id = options.record === false ? null : await startIngestRun(db, { job: options.job, source: options.source, scope: options.scope ?? null, parentId });
  const touched = new Set<string>();
  const run: IngestRun = {
    id,
    db,
    touch: (services) => {
      for (const service of services) touched.add(service);
    },
    sofar: {},
  };
  let outcome: IngestOutcome<T>;
  try {
    outcome = await step(run);
  } catch (error) {
    if (id) await finishIngestRun(db, id, { ...run.sofar, status: 'failed', error: (options.describeFailure ?? summarize)(error) }).catch(() => {});
    throw error;
  }
  const { result, changes, status = 'success', ...end } = outcome;
  if (id) await finishIngestRun(db, id, { status, ...end });
  if (parent) parent.touch(touched);
  else await settleImport({ db, counts: changes, services: touched });
  return result;
};

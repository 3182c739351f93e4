import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ingestRuns } from '../db/schema';
import type { Executor } from '../db/client';
import { redactText } from '../observability/redact';
import { toStorableText } from '../validation/to-storable-text';
import { currentRunOwner } from './run-owner';

export type IngestRunStart = { job: string; source: string; scope?: string | null; parentId?: string | null };
export type IngestRunEnd = {
  status: 'success' | 'failed' | 'partial';
  counts?: Record<string, number>;
  error?: string | null;
  requestsUsed?: number | null;
  rateLimitRemaining?: number | null;
};

/** Records that a job started; written outside the job's own transaction so a failed run is still on record. */
export const startIngestRun = async (db: Executor, run: IngestRunStart) => {
  const id = randomUUID();
  // The scope can come from the data (a service named in a catalog file): stored as storable text.
  const scope = run.scope ? toStorableText(run.scope) : run.scope;
  await db.insert(ingestRuns).values({ id, ...run, scope, status: 'running', owner: currentRunOwner(), startedAt: new Date() });
  return id;
};

export const finishIngestRun = async (db: Executor, id: string, end: IngestRunEnd) => {
  await db
    .update(ingestRuns)
    .set({
      status: end.status,
      finishedAt: new Date(),
      counts: end.counts ?? {},
      error: end.error ? toStorableText(redactText(end.error).slice(0, 4000)) : null,
      requestsUsed: end.requestsUsed ?? null,
      rateLimitRemaining: end.rateLimitRemaining ?? null,
    })
    .where(eq(ingestRuns.id, id));
};

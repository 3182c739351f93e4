import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { rawPayloads } from '../db/schema';
import type { Executor } from '../db/client';

export type RawPayloadQuery = { source: string; kind: string; scope?: string; sourceIds?: string[] };

/** Stored payloads of one kind (optionally of one scope or some ids), so normalizers can run again without refetching. */
export const getRawPayloads = async (db: Executor, query: RawPayloadQuery) => {
  if (query.sourceIds && query.sourceIds.length === 0) return [];
  const conditions: SQL[] = [eq(rawPayloads.source, query.source), eq(rawPayloads.kind, query.kind)];
  if (query.scope !== undefined) conditions.push(eq(rawPayloads.scope, query.scope));
  if (query.sourceIds) conditions.push(inArray(rawPayloads.sourceId, query.sourceIds));
  return db
    .select({ id: rawPayloads.id, sourceId: rawPayloads.sourceId, scope: rawPayloads.scope, payload: rawPayloads.payload, error: rawPayloads.error })
    .from(rawPayloads)
    .where(and(...conditions));
};

import { and, eq } from 'drizzle-orm';
import { ingestCursors } from '../db/schema';
import type { Executor } from '../db/client';

export type IngestCursor<T extends Record<string, unknown>> = { cursor: T | null; etag: string | null };

/** Where the last committed run of (source, scope, kind) got to; nothing yet means a full first run. */
export const getIngestCursor = async <T extends Record<string, unknown>>(db: Executor, source: string, scope: string, kind: string): Promise<IngestCursor<T>> => {
  const [row] = await db
    .select({ cursor: ingestCursors.cursor, etag: ingestCursors.etag })
    .from(ingestCursors)
    .where(and(eq(ingestCursors.source, source), eq(ingestCursors.scope, scope), eq(ingestCursors.kind, kind)));
  return { cursor: (row?.cursor as T | undefined) ?? null, etag: row?.etag ?? null };
};

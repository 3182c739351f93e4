import { sql } from 'drizzle-orm';
import { ingestCursors } from '../db/schema';
import type { Executor } from '../db/client';

/**
 * Moves a cursor. Call it inside the transaction that wrote the rows the cursor covers, so a run killed before the
 * commit starts again from the old cursor. `merge` adds keys to the stored cursor instead of replacing it, which
 * keeps concurrent writers of different keys (a sync and a webhook job) from losing each other's updates.
 */
export const saveIngestCursor = async (
  tx: Executor,
  key: { source: string; scope: string; kind: string },
  value: { cursor: Record<string, unknown>; etag?: string | null },
  { merge = false } = {},
) => {
  await tx
    .insert(ingestCursors)
    .values({ ...key, cursor: value.cursor, etag: value.etag ?? null, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [ingestCursors.source, ingestCursors.scope, ingestCursors.kind],
      set: {
        cursor: merge ? sql`${ingestCursors.cursor} || excluded.cursor` : sql`excluded.cursor`,
        etag: merge ? sql`coalesce(excluded.etag, ${ingestCursors.etag})` : sql`excluded.etag`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
};

import { and, eq, inArray, sql } from 'drizzle-orm';
import { unmappedRecords } from '../db/schema';
import type { Executor } from '../db/client';

export type UnmappedRecordInput = Omit<typeof unmappedRecords.$inferInsert, 'firstSeenAt' | 'lastSeenAt'>;

/** Keeps records no Waymark service claims yet; a record seen again keeps its first sighting. */
export const recordUnmappedRecords = async (db: Executor, rows: UnmappedRecordInput[], at = new Date()) => {
  if (rows.length === 0) return;
  await db
    .insert(unmappedRecords)
    .values(rows.map((row) => ({ ...row, firstSeenAt: at, lastSeenAt: at })))
    .onConflictDoUpdate({
      target: [unmappedRecords.source, unmappedRecords.kind, unmappedRecords.sourceId],
      set: {
        externalServiceId: sql`excluded.external_service_id`,
        externalServiceName: sql`excluded.external_service_name`,
        title: sql`excluded.title`,
        url: sql`excluded.url`,
        occurredAt: sql`excluded.occurred_at`,
        lastSeenAt: sql`excluded.last_seen_at`,
      },
    });
};

/** Forgets records that now map to a service (they were written to their domain table in the same transaction). */
export const clearUnmappedRecords = async (db: Executor, source: string, kind: string, sourceIds: string[]) => {
  if (sourceIds.length === 0) return;
  await db
    .delete(unmappedRecords)
    .where(
      and(
        eq(unmappedRecords.source, source),
        eq(unmappedRecords.kind, kind),
        inArray(unmappedRecords.sourceId, sourceIds),
      ),
    );
};

/** Source ids of a source's unmapped records of one kind: what a run tries to map again. */
export const listUnmappedSourceIds = async (db: Executor, source: string, kind: string) =>
  (
    await db
      .select({ sourceId: unmappedRecords.sourceId })
      .from(unmappedRecords)
      .where(and(eq(unmappedRecords.source, source), eq(unmappedRecords.kind, kind)))
  ).map((row) => row.sourceId);

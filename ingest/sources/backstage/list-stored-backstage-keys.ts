import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import { BACKSTAGE_SOURCE, type BackstageKind } from './backstage-ids';

/** The `namespace/name` keys of the entities of one kind stored by earlier syncs. */
export const listStoredBackstageKeys = async (db: Executor, kind: BackstageKind) =>
  (
    await db
      .select({ sourceId: rawPayloads.sourceId })
      .from(rawPayloads)
      .where(and(eq(rawPayloads.source, BACKSTAGE_SOURCE), eq(rawPayloads.kind, kind)))
  ).map((row) => row.sourceId);

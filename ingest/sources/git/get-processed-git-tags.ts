import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import type { ProcessedGitTag } from './plan-git-tag-deployments';

/**
 * The tag deployments earlier runs stored for a service, read from their raw payloads (written in the same
 * transaction as the deployments, so they are exactly what was committed). Only the small fields are read.
 */
export const getProcessedGitTags = async (db: Executor, service: string): Promise<Map<string, ProcessedGitTag>> => {
  const rows = await db
    .select({
      name: sql<string>`${rawPayloads.payload}->>'name'`,
      sha: sql<string>`${rawPayloads.payload}->>'sha'`,
      previous: sql<ProcessedGitTag['previous']>`${rawPayloads.payload}->'previous'`,
      earlier: sql<string | null>`${rawPayloads.payload}->>'earlier'`,
      horizonStart: sql<string | null>`${rawPayloads.payload}->>'horizonStart'`,
    })
    .from(rawPayloads)
    .where(and(eq(rawPayloads.source, 'git'), eq(rawPayloads.kind, 'tag'), eq(rawPayloads.scope, service)));
  return new Map(rows.map((row) => [row.name, { sha: row.sha, previous: row.previous ?? null, earlier: row.earlier ?? null, horizonStart: row.horizonStart ?? null }]));
};

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../lib/db/client';
import { ingestCursors } from '../../../lib/db/schema';

/** Where --deploy-branch resumes: the last first-parent commit whose deployment is committed. */
export type GitBranchCursor = { sha: string; deployedAt: string };

export const getGitBranchCursor = async (db: Executor, service: string, branch: string): Promise<GitBranchCursor | null> => {
  const kind = `branch:${branch}`;
  const [row] = await db
    .select({ cursor: ingestCursors.cursor })
    .from(ingestCursors)
    .where(and(eq(ingestCursors.source, 'git'), eq(ingestCursors.scope, service), eq(ingestCursors.kind, kind)));
  return (row?.cursor as GitBranchCursor | undefined) ?? null;
};

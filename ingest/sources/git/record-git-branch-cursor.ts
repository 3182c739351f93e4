import type { Executor } from '../../../lib/db/client';
import { ingestCursors } from '../../../lib/db/schema';
import type { GitBranchCursor } from './get-git-branch-cursor';

/** Moves the --deploy-branch cursor; called inside the transaction that writes the deployments it covers. */
export const recordGitBranchCursor = async (tx: Executor, service: string, branch: string, cursor: GitBranchCursor) => {
  await tx
    .insert(ingestCursors)
    .values({ source: 'git', scope: service, kind: `branch:${branch}`, cursor, updatedAt: new Date() })
    .onConflictDoUpdate({ target: [ingestCursors.source, ingestCursors.scope, ingestCursors.kind], set: { cursor, updatedAt: new Date() } });
};

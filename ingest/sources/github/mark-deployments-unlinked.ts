import type { Executor } from '../../../lib/db/client';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { GITHUB_CURSOR_SOURCE } from './github-settings';

/**
 * Forgets how the given deployments were linked, in the transaction that rewrote them, so the linking step links
 * them again (rewriting a deployment resets its rollback fields, and a new deployment changes its successor's base).
 */
export const markDeploymentsUnlinked = async (tx: Executor, fullName: string, deploymentSourceIds: Iterable<string>) => {
  const entries = Object.fromEntries([...deploymentSourceIds].map((id) => [id, null]));
  if (Object.keys(entries).length === 0) return;
  await saveIngestCursor(tx, { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'links' }, { cursor: entries }, { merge: true });
};

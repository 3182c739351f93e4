import type { Executor } from '../../../lib/db/client';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { GITLAB_CURSOR_SOURCE, type ProjectSync } from './gitlab-settings';
import type { WriteOutcome } from './upsert-gitlab-records';

type ListingCursor = { updatedAfter: string };

export type ListingStep<T> = {
  /** The cursor's kind, and the count's name. */
  kind: string;
  collect: (updatedAfter: string | null) => Promise<T[]>;
  write: (tx: Executor, items: T[]) => Promise<WriteOutcome>;
  /** The `updated_at` of an item, as GitLab sent it. */
  updatedAt: (item: T) => unknown;
};

/**
 * One incremental listing of a project: what changed since the cursor is collected, then written together with the
 * moved cursor in one transaction, so a run stopped before the commit reads the same items again next time (the
 * upserts make that harmless). The cursor is the newest `updated_at` written; GitLab's `updated_after` may return
 * that item once more, which costs nothing but a row compared.
 */
export const syncGitlabListing = async <T>(sync: ProjectSync, step: ListingStep<T>) => {
  const key = { source: GITLAB_CURSOR_SOURCE, scope: sync.path, kind: step.kind };
  const stored = sync.full
    ? null
    : (await getIngestCursor<ListingCursor>(sync.db, key.source, key.scope, key.kind)).cursor;
  sync.checkStopped();
  const items = await step.collect(stored?.updatedAfter ?? null);
  sync.checkStopped();
  let newest = stored?.updatedAfter ?? null;
  for (const item of items) {
    const at = step.updatedAt(item);
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && (!newest || Date.parse(at) > Date.parse(newest)))
      newest = at;
  }
  await sync.db.transaction(async (tx) => {
    const outcome = await step.write(tx, items);
    sync.counts[step.kind] = (sync.counts[step.kind] ?? 0) + outcome.written;
    if (outcome.invalid > 0) sync.counts.invalid = (sync.counts.invalid ?? 0) + outcome.invalid;
    if (newest) await saveIngestCursor(tx, key, { cursor: { updatedAfter: newest } });
  });
};

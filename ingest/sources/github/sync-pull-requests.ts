import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { fetchPages } from './fetch-pages';
import { GITHUB_CURSOR_SOURCE, type RepositorySync } from './github-settings';
import { upsertGithubPullRequests, type RawPullRequest } from './upsert-github-pull-requests';

/** `listedFrom`: since when every updated pull request has been listed (null: ever; absent: not known). */
type PullsCursor = { updatedAt: string | null; listedFrom?: string | null };
type ListedPull = { number: number; updated_at: string };

/**
 * Pull requests (open, closed and merged), most recently updated first, down to the last run's high-water mark; each
 * changed one with its commits and reviews (a review or a push bumps `updated_at`). Written in batches so a long
 * first run commits as it goes; the cursor moves with each batch.
 */
export const syncPullRequests = async (sync: RepositorySync, { batchSize = 50 } = {}) => {
  const { db, client, fullName, owner, repo } = sync;
  const key = { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'pull_requests' };
  const stored = sync.full
    ? { cursor: null, etag: null }
    : await getIngestCursor<PullsCursor>(db, key.source, key.scope, key.kind);
  const floor = stored.cursor?.updatedAt ? new Date(stored.cursor.updatedAt) : sync.since;
  const olderThanFloor = (pull: ListedPull) => floor !== null && new Date(pull.updated_at) < floor;

  const listing = await fetchPages<ListedPull>(
    client,
    'GET /repos/{owner}/{repo}/pulls',
    { owner, repo, state: 'all', sort: 'updated', direction: 'desc' },
    {
      etag: stored.etag,
      stop: (page) => {
        sync.checkStopped();
        return page.some(olderThanFloor);
      },
    },
  );
  const fresh = sync.full || !stored.cursor;
  const listedFrom = fresh ? (sync.since?.toISOString() ?? null) : stored.cursor?.listedFrom;
  const finish = () => {
    if (listedFrom !== undefined) sync.pullRequestsListedFrom = listedFrom === null ? null : new Date(listedFrom);
  };
  // Not modified: the last listing, which finished (its ETag is saved with its last batch), still holds.
  if (listing.notModified) return finish();
  // Oldest first, so every committed batch can move the high-water mark.
  const changed = listing.items.filter((pull) => !olderThanFloor(pull)).reverse();
  let highWater = stored.cursor?.updatedAt ?? null;
  for (let start = 0; start < changed.length || start === 0; start += batchSize) {
    const batch = changed.slice(start, start + batchSize);
    const items: RawPullRequest[] = [];
    for (const pull of batch) {
      sync.checkStopped();
      const params = { owner, repo, pull_number: pull.number };
      const commits = await fetchPages<unknown>(
        client,
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
        params,
      );
      const reviews = await fetchPages<unknown>(
        client,
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        params,
      );
      items.push({
        pull,
        commits: commits.notModified ? null : commits.items,
        reviews: reviews.notModified ? null : reviews.items,
      });
      if (!highWater || pull.updated_at > highWater) highWater = pull.updated_at;
    }
    const last = start + batchSize >= changed.length;
    await db.transaction(async (tx) => {
      const written = await upsertGithubPullRequests(tx, fullName, items);
      sync.counts.pullRequests = (sync.counts.pullRequests ?? 0) + written.written;
      if (written.invalid > 0) sync.counts.invalid = (sync.counts.invalid ?? 0) + written.invalid;
      // The listing's ETag is saved only with the last batch: a run stopped half-way must list again.
      const cursor: PullsCursor = { updatedAt: highWater, listedFrom };
      await saveIngestCursor(tx, key, { cursor, etag: last ? listing.etag : null });
    });
    if (changed.length === 0) break;
  }
  finish();
};

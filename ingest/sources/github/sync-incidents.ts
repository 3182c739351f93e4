import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { fetchPages } from './fetch-pages';
import { GITHUB_CURSOR_SOURCE, type RepositorySync } from './github-settings';
import { upsertGithubIncidents } from './upsert-github-incidents';

/**
 * Issues carrying the incident label, open and closed. Incidents are few, so the whole labelled list is read
 * whenever its first page changed (one conditional request otherwise); reading it whole is what lets a removed
 * label remove the incident.
 */
export const syncIncidents = async (sync: RepositorySync) => {
  const { db, client, fullName, owner, repo } = sync;
  const key = { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'incidents' };
  const stored = sync.full ? { cursor: null, etag: null } : await getIngestCursor(db, key.source, key.scope, key.kind);
  const label = sync.settings.incidentLabel;
  sync.checkStopped();
  const listing = await fetchPages<unknown>(client, 'GET /repos/{owner}/{repo}/issues', { owner, repo, labels: label, state: 'all' }, { etag: stored.etag });
  if (listing.notModified) return;
  await db.transaction(async (tx) => {
    const written = await upsertGithubIncidents(tx, fullName, listing.items, label, { complete: true });
    sync.counts.incidents = (sync.counts.incidents ?? 0) + written.written;
    if (written.invalid > 0) sync.counts.invalid = (sync.counts.invalid ?? 0) + written.invalid;
    await saveIngestCursor(tx, key, { cursor: { label }, etag: listing.etag });
  });
};

import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { fetchPages } from './fetch-pages';
import { GITHUB_SOURCE, githubIds } from './github-ids';
import { GITHUB_CURSOR_SOURCE, type RepositorySync } from './github-settings';
import { upsertGithubDeployments, type RawDeployment } from './upsert-github-deployments';

type DeploymentsCursor = { maxId: number; open: Record<string, string | null> };
type ListedDeployment = { id: number; updated_at?: string; created_at?: string };

/**
 * Deployments and their statuses. GitHub lists deployments newest first; the walk stops at the first page that holds
 * nothing new or updated (GitHub bumps `updated_at` when a status is added), and deployments still in progress are
 * re-checked with conditional requests. Returns whether the repository uses the Deployments API at all.
 */
export const syncDeployments = async (sync: RepositorySync): Promise<{ usesDeploymentsApi: boolean }> => {
  const { db, client, fullName, owner, repo } = sync;
  const key = { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'deployments' };
  const stored = sync.full ? { cursor: null, etag: null } : await getIngestCursor<DeploymentsCursor>(db, key.source, key.scope, key.kind);
  const previous: DeploymentsCursor = stored.cursor ?? { maxId: 0, open: {} };

  const changed = new Map<number, ListedDeployment>();
  const listing = await fetchPages<ListedDeployment>(client, 'GET /repos/{owner}/{repo}/deployments', { owner, repo }, {
    etag: stored.etag,
    stop: async (page) => {
      sync.checkStopped();
      const known = await getRawPayloads(db, { source: GITHUB_SOURCE, kind: 'deployment', sourceIds: page.map((item) => githubIds.deployment(fullName, item.id)) });
      const updatedAt = new Map(known.map((row) => [row.sourceId, (row.payload as ListedDeployment).updated_at]));
      let fresh = 0;
      for (const item of page) {
        if (sync.since && item.created_at && new Date(item.created_at) < sync.since) continue;
        if (updatedAt.get(githubIds.deployment(fullName, item.id)) !== item.updated_at || !updatedAt.has(githubIds.deployment(fullName, item.id))) {
          changed.set(item.id, item);
          fresh++;
        }
      }
      const pastSince = sync.since !== null && page.some((item) => item.created_at && new Date(item.created_at) < sync.since!);
      return fresh === 0 || pastSince;
    },
  });

  const items: RawDeployment[] = [];
  const statusEtags = new Map<number, string | null>();
  for (const [id, deployment] of changed) {
    sync.checkStopped();
    const statuses = await fetchPages<unknown>(client, 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner, repo, deployment_id: id });
    if (statuses.notModified) continue;
    statusEtags.set(id, statuses.etag);
    items.push({ deployment, statuses: statuses.items });
  }
  // Unfinished deployments off the walked pages: a status change shows in their statuses' ETag.
  for (const [id, etag] of Object.entries(previous.open)) {
    if (changed.has(Number(id))) continue;
    sync.checkStopped();
    const statuses = await fetchPages<unknown>(client, 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner, repo, deployment_id: Number(id) }, { etag });
    if (statuses.notModified) continue;
    const [known] = await getRawPayloads(db, { source: GITHUB_SOURCE, kind: 'deployment', sourceIds: [githubIds.deployment(fullName, Number(id))] });
    if (!known) continue;
    statusEtags.set(Number(id), statuses.etag);
    items.push({ deployment: known.payload, statuses: statuses.items });
  }

  await db.transaction(async (tx) => {
    const { written, invalid, rows } = await upsertGithubDeployments(tx, fullName, items);
    sync.counts.deployments = (sync.counts.deployments ?? 0) + written;
    if (invalid > 0) sync.counts.invalid = (sync.counts.invalid ?? 0) + invalid;
    const open = { ...previous.open };
    for (const row of rows) {
      const id = row.sourceId.split('/').at(-1)!;
      if (row.status === 'in_progress') open[id] = statusEtags.get(Number(id)) ?? open[id] ?? null;
      else delete open[id];
    }
    const maxId = Math.max(previous.maxId, ...[...changed.keys()]);
    await saveIngestCursor(tx, key, { cursor: { maxId, open }, etag: listing.notModified ? stored.etag : listing.etag });
  });
  const usesDeploymentsApi = previous.maxId > 0 || changed.size > 0 || (!listing.notModified && listing.items.length > 0);
  return { usesDeploymentsApi };
};

import type { Db } from '../../../lib/db/client';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import type { GithubClient } from './create-github-client';
import { fetchPages } from './fetch-pages';
import { GITHUB_CURSOR_SOURCE } from './github-settings';

/**
 * The repositories of an organization (one conditional request when the list did not change: the names are kept in
 * the cursor), or the named ones. Archived repositories are included: their history still counts.
 */
export const listGithubRepositories = async (db: Db, client: GithubClient, { org, repos }: { org?: string | null; repos?: string[] }): Promise<string[]> => {
  if (repos && repos.length > 0) return [...new Set(repos)];
  if (!org) return [];
  const key = { source: GITHUB_CURSOR_SOURCE, scope: `org:${org}`, kind: 'repositories' };
  const stored = await getIngestCursor<{ repositories: string[] }>(db, key.source, key.scope, key.kind);
  const listing = await fetchPages<{ full_name: string }>(client, 'GET /orgs/{org}/repos', { org, type: 'all' }, { etag: stored.cursor ? stored.etag : null });
  if (listing.notModified) return stored.cursor!.repositories;
  const repositories = listing.items.map((repo) => repo.full_name).sort();
  await saveIngestCursor(db, key, { cursor: { repositories }, etag: listing.etag });
  return repositories;
};

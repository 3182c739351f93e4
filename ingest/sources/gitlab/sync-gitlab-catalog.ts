import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { normalizeCatalogInfo } from '../../../lib/domain/normalize-catalog-info';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import type { Executor } from '../../../lib/db/client';
import { GITLAB_SOURCE } from './gitlab-ids';
import type { GitlabProject } from './gitlab-payloads';
import { GITLAB_CURSOR_SOURCE, type ProjectSync } from './gitlab-settings';
import { statusOfGitlabError } from './gitlab-request-error';
import { normalizeGitlabProject } from './normalize-gitlab-project';

export const CATALOG_FILE = 'catalog-info.yaml';

/** A repository file as GitLab's files API answers it: base64 content; `{ missing: true }` when there is none. */
export type CatalogPayload = { content?: string; encoding?: string; missing?: boolean };

/** The service a project describes, with what its stored catalog file says (through the shared normalizer). */
export const writeGitlabService = async (
  tx: Executor,
  project: GitlabProject,
  catalog: CatalogPayload | null,
  { store = true } = {},
) => {
  const text = catalog?.content
    ? Buffer.from(catalog.content, catalog.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8')
    : null;
  const parsed = text === null ? null : normalizeCatalogInfo(text, CATALOG_FILE);
  const path = project.path_with_namespace;
  if (store)
    await storeRawPayloads(tx, [
      { source: GITLAB_SOURCE, kind: 'project', sourceId: path, scope: path, payload: project },
    ]);
  if (store && catalog)
    await storeRawPayloads(tx, [
      {
        source: GITLAB_SOURCE,
        kind: 'catalog',
        sourceId: path,
        scope: path,
        payload: catalog,
        error: parsed?.status === 'error' ? parsed.error : null,
      },
    ]);
  return upsertServices(tx, [normalizeGitlabProject(project, parsed)]);
};

/**
 * The project's service and its catalog-info.yaml on the default branch, read conditionally: the stored ETag goes
 * out as If-None-Match and a 304 reuses the stored file, so an unchanged catalog costs one request and no rate limit.
 */
export const syncGitlabCatalog = async (sync: ProjectSync) => {
  const { db, client, project, path } = sync;
  const key = { source: GITLAB_CURSOR_SOURCE, scope: path, kind: 'catalog' };
  const stored = sync.full
    ? { cursor: null, etag: null }
    : await getIngestCursor<{ url: string }>(db, key.source, key.scope, key.kind);
  const [known] = await getRawPayloads(db, { source: GITLAB_SOURCE, kind: 'catalog', sourceIds: [path] });
  if (stored.cursor?.url && stored.etag && known)
    client.conditional.set(stored.cursor.url, { etag: stored.etag, body: known.payload });
  let catalog: CatalogPayload | null = null;
  if (project.default_branch) {
    sync.checkStopped();
    try {
      catalog = (await client.api.RepositoryFiles.show(
        project.id,
        CATALOG_FILE,
        project.default_branch,
      )) as CatalogPayload;
    } catch (error) {
      if (statusOfGitlabError(error) !== 404) throw error;
      catalog = { missing: true };
    }
  }
  const cached = [...client.conditional.entries()].find(
    ([url]) =>
      url.includes(`/repository/files/${encodeURIComponent(CATALOG_FILE)}`) && url.includes(`/projects/${project.id}/`),
  );
  await db.transaction(async (tx) => {
    await writeGitlabService(tx, project, catalog);
    if (cached) await saveIngestCursor(tx, key, { cursor: { url: cached[0] }, etag: cached[1].etag });
  });
};

import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { listMonorepoCatalogFiles } from '../../../lib/domain/list-catalog-services';
import type { RepositoryTree } from '../../../lib/domain/normalize-repository-facts';
import { readChangedFactFiles } from '../../../lib/domain/read-changed-fact-files';
import { recordFacts } from '../../../lib/domain/record-facts';
import { selectFactFiles } from '../../../lib/domain/select-fact-files';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { decodeGitlabFile } from './describe-gitlab-monorepo-services';
import { GITLAB_SOURCE } from './gitlab-ids';
import { statusOfGitlabError } from './gitlab-request-error';
import { GITLAB_CURSOR_SOURCE, type ProjectSync } from './gitlab-settings';
import { normalizeGitlabFacts, type GitlabProtectionPayload } from './normalize-gitlab-facts';
import { recordGitlabMonorepoServices } from './record-gitlab-monorepo-services';
import { CATALOG_FILE, type CatalogPayload } from './sync-gitlab-catalog';

type FactsCursor = { headSha: string | null; activity: string | null };
type TreeEntry = { id?: string; path: string; type?: string };
type FileAnswer = CatalogPayload & { blob_id?: string };

/** Protection of the default branch and the approval rules; 403 on protection means the token cannot tell. */
const collectGitlabProtection = async (
  sync: ProjectSync,
  branch: string,
  isProtected: boolean,
): Promise<GitlabProtectionPayload> => {
  const { client, project } = sync;
  const pipelineMustSucceed =
    (project as { only_allow_merge_if_pipeline_succeeds?: unknown }).only_allow_merge_if_pipeline_succeeds === true;
  let protectedBranch = null;
  if (isProtected) {
    sync.checkStopped();
    try {
      protectedBranch = (await client.api.ProtectedBranches.show(project.id, branch)) as Record<string, unknown>;
    } catch (error) {
      const status = statusOfGitlabError(error);
      if (status === 403)
        return {
          error: `no permission to read the protection of ${branch} (GitLab answered 403); it needs the Maintainer role`,
        };
      if (status !== 404) throw error;
      // Protected by a wildcard rule (release/*): protected, with its settings under that rule's name.
      protectedBranch = { name: branch };
    }
  }
  let approvalRules = null;
  sync.checkStopped();
  try {
    approvalRules = (await client.api.MergeRequestApprovals.allApprovalRules(project.id)) as Record<string, unknown>[];
  } catch (error) {
    // GitLab Free has no approval rules: 403 or 404, and then no review is required.
    const status = statusOfGitlabError(error);
    if (status !== 403 && status !== 404) throw error;
  }
  return { protectedBranch, approvalRules, pipelineMustSucceed };
};

/**
 * Repository facts for the scorecard from the default branch: its tree (keyset-paginated), the fact files whose blob
 * changed, its protection and the approval rules. Skipped, at no request, while the project's `last_activity_at`
 * is what it was at the last read; the stored answers are then normalized again and only `checkedAt` moves.
 */
export const syncGitlabFacts = async (sync: ProjectSync) => {
  const { db, client, project, path } = sync;
  const branchName = project.default_branch;
  if (!branchName) return;
  const key = { source: GITLAB_CURSOR_SOURCE, scope: path, kind: 'facts' };
  const stored = sync.full ? { cursor: null } : await getIngestCursor<FactsCursor>(db, key.source, key.scope, key.kind);
  const rawOf = async (kind: string, sourceIds?: string[]) =>
    getRawPayloads(db, { source: GITLAB_SOURCE, kind, scope: path, ...(sourceIds ? { sourceIds } : {}) });
  const activity = typeof project.last_activity_at === 'string' ? project.last_activity_at : null;
  let headSha = stored.cursor?.headSha ?? null;
  let tree = (await rawOf('tree', [path]))[0]?.payload as RepositoryTree | undefined;
  let protection = (await rawOf('branch_protection', [path]))[0]?.payload as GitlabProtectionPayload | undefined;
  const raw: RawPayloadInput[] = [];
  if (activity === null || stored.cursor?.activity !== activity || !tree || !protection) {
    sync.checkStopped();
    const branch = (await client.api.Branches.show(project.id, branchName)) as {
      commit: { id: string };
      protected?: boolean;
    };
    if (branch.commit.id !== headSha || !tree) {
      sync.checkStopped();
      const entries = (await client.api.Repositories.allRepositoryTrees(project.id, {
        recursive: true,
        ref: branchName,
        perPage: sync.settings.perPage,
        pagination: 'keyset',
      })) as TreeEntry[];
      tree = {
        sha: branch.commit.id,
        tree: entries.map(({ id, path: entryPath, type }) => ({ id, path: entryPath, type })),
      };
      raw.push({ source: GITLAB_SOURCE, kind: 'tree', sourceId: path, scope: path, payload: tree });
    }
    headSha = branch.commit.id;
    protection = await collectGitlabProtection(sync, branchName, branch.protected === true);
    raw.push({ source: GITLAB_SOURCE, kind: 'branch_protection', sourceId: path, scope: path, payload: protection });
  }

  // The catalog step has read catalog-info.yaml already (conditionally); its stored answer serves here too.
  const blobs = new Map(
    (tree.tree as TreeEntry[]).filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry]),
  );
  const factFiles = selectFactFiles([...blobs.keys()], sync.settings.factFileGlobs).filter(
    (file) => file !== CATALOG_FILE,
  );
  // A monorepo's sub-folder catalog files name its services: read too, and only when the tree has them.
  const catalogFiles = listMonorepoCatalogFiles([...blobs.keys()]);
  const wanted = [...new Set([...factFiles, ...catalogFiles])];
  const known = new Map(
    (await rawOf('content')).map((row) => [row.sourceId.slice(path.length + 1), row.payload as FileAnswer]),
  );
  const { contents, fetched } = await readChangedFactFiles({
    paths: wanted,
    stored: known,
    blobOfTree: (file) => blobs.get(file)?.id,
    blobOfAnswer: (answer) => answer.blob_id,
    fetchFile: async (file) => {
      sync.checkStopped();
      return (await client.api.RepositoryFiles.show(project.id, file, headSha ?? branchName)) as FileAnswer;
    },
  });
  for (const [file, answer] of fetched)
    raw.push({ source: GITLAB_SOURCE, kind: 'content', sourceId: `${path}:${file}`, scope: path, payload: answer });
  const factContents = Object.fromEntries(factFiles.map((file) => [file, contents[file]!]));
  const catalogTexts = Object.fromEntries(catalogFiles.map((file) => [file, decodeGitlabFile(contents[file]!)]));
  const [catalog] = await rawOf('catalog', [path]);
  const observations = normalizeGitlabFacts({
    path,
    service: sync.service,
    defaultBranch: branchName,
    headSha,
    tree,
    contents: factContents,
    catalog: (catalog?.payload as CatalogPayload | undefined) ?? null,
    protection: protection!,
    collectedAt: new Date(),
  });
  await db.transaction(async (tx) => {
    await storeRawPayloads(tx, raw);
    const { changed } = await recordFacts(tx, observations);
    sync.counts.facts = (sync.counts.facts ?? 0) + changed;
    await recordGitlabMonorepoServices(tx, sync, catalogTexts);
    await saveIngestCursor(tx, key, { cursor: { headSha, activity }, etag: null });
  });
};

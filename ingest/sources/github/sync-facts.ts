import { listMonorepoCatalogFiles } from '../../../lib/domain/list-catalog-services';
import { readChangedFactFiles } from '../../../lib/domain/read-changed-fact-files';
import { recordFacts } from '../../../lib/domain/record-facts';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { selectFactFiles, MAX_FACT_FILE_BYTES } from '../../../lib/domain/select-fact-files';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { fetchConditional } from './fetch-conditional';
import { GITHUB_SOURCE } from './github-ids';
import { GITHUB_CURSOR_SOURCE, type RepositorySync } from './github-settings';
import { decodeContent, normalizeGithubFacts, type ProtectionPayload } from './normalize-github-facts';
import { recordGithubMonorepoServices } from './record-monorepo-services';
import type { RepositoryTree } from '../../../lib/domain/normalize-repository-facts';

type FactsCursor = { headSha: string | null };
type Branch = { commit: { sha: string }; protected?: boolean };
type Content = { sha?: string; content?: string; encoding?: string };

const statusOf = (error: unknown) => (error as { status?: number } | null)?.status;
const messageOf = (error: unknown) =>
  String(
    (error as { response?: { data?: { message?: string } } } | null)?.response?.data?.message ??
      (error as Error).message,
  );

/** Classic protection and rulesets; "no permission" is recorded as the reason, so checks say unknown, not fail. */
const collectProtection = async (
  sync: RepositorySync,
  branch: string,
  isProtected: boolean,
): Promise<ProtectionPayload> => {
  if (!isProtected) return { classic: null, rules: [] };
  const params = { owner: sync.owner, repo: sync.repo, branch };
  let classic: Record<string, unknown> | null = null;
  try {
    classic = (await sync.client.octokit.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', params))
      .data as Record<string, unknown>;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 && /not protected/i.test(messageOf(error))) classic = null;
    else if (status === 403 || status === 404)
      return {
        error: `no permission to read the branch protection of ${branch} (GitHub answered ${status}: ${messageOf(error)}); it needs admin or "Administration: read"`,
      };
    else throw error;
  }
  let rules: { type: string }[] = [];
  try {
    rules = (await sync.client.octokit.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', params)).data as {
      type: string;
    }[];
  } catch (error) {
    // Servers without rulesets (older GitHub Enterprise) answer 404: there are none.
    if (statusOf(error) !== 404) throw error;
  }
  return { classic, rules };
};

/**
 * Repository facts for the scorecard: the default branch (one conditional request; 304 when nothing was pushed), its
 * tree in one recursive call, the fact files whose blobs changed, branch protection and rulesets. When nothing
 * changed, the stored answers are normalized again and the facts only get a newer `checkedAt`. It runs before the
 * deployments are read, since a monorepo's services (its sub-folder catalog files) decide whose each deployment is.
 */
export const syncFacts = async (sync: RepositorySync, { defaultBranch }: { defaultBranch: string }) => {
  const { db, client, fullName, owner, repo } = sync;
  const key = { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'facts' };
  const stored = sync.full
    ? { cursor: null, etag: null }
    : await getIngestCursor<FactsCursor>(db, key.source, key.scope, key.kind);
  sync.checkStopped();
  const branch = await fetchConditional<Branch>(
    client,
    'GET /repos/{owner}/{repo}/branches/{branch}',
    { owner, repo, branch: defaultBranch },
    stored.etag,
  );
  const rawOf = async (kind: string, sourceIds?: string[]) =>
    getRawPayloads(db, { source: GITHUB_SOURCE, kind, scope: fullName, ...(sourceIds ? { sourceIds } : {}) });

  const raw: RawPayloadInput[] = [];
  let headSha = stored.cursor?.headSha ?? null;
  let tree = (await rawOf('tree', [fullName]))[0]?.payload as RepositoryTree | undefined;
  let protection = (await rawOf('branch_protection', [fullName]))[0]?.payload as ProtectionPayload | undefined;
  if (!branch.notModified || !tree || !protection) {
    const answer = branch.notModified
      ? ((
          await client.octokit.request('GET /repos/{owner}/{repo}/branches/{branch}', {
            owner,
            repo,
            branch: defaultBranch,
          })
        ).data as Branch)
      : branch.data;
    if (answer.commit.sha !== headSha || !tree) {
      sync.checkStopped();
      tree = (
        await client.octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
          owner,
          repo,
          tree_sha: answer.commit.sha,
          recursive: '1',
        })
      ).data as RepositoryTree;
      raw.push({ source: GITHUB_SOURCE, kind: 'tree', sourceId: fullName, scope: fullName, payload: tree });
    }
    headSha = answer.commit.sha;
    sync.checkStopped();
    protection = await collectProtection(sync, defaultBranch, answer.protected !== false);
    raw.push({
      source: GITHUB_SOURCE,
      kind: 'branch_protection',
      sourceId: fullName,
      scope: fullName,
      payload: protection,
    });
  }

  const blobs = new Map(
    tree.tree
      .filter((entry) => (entry as { type?: string }).type !== 'tree')
      .map((entry) => [entry.path, entry as { sha?: string; size?: number }]),
  );
  const small = (path: string) => (blobs.get(path)?.size ?? 0) <= MAX_FACT_FILE_BYTES * 4;
  const factFiles = selectFactFiles([...blobs.keys()], sync.settings.factFileGlobs).filter(small);
  // A monorepo's sub-folder catalog files name its services: read too, and only when the tree has them.
  const catalogFiles = listMonorepoCatalogFiles([...blobs.keys()]).filter(small);
  const wanted = [...new Set([...factFiles, ...catalogFiles])];
  const known = new Map(
    (await rawOf('content')).map((row) => [row.sourceId.slice(fullName.length + 1), row.payload as Content]),
  );
  const { contents, fetched } = await readChangedFactFiles({
    paths: wanted,
    stored: known,
    blobOfTree: (path) => blobs.get(path)?.sha,
    blobOfAnswer: (answer) => answer.sha,
    fetchFile: async (path) => {
      sync.checkStopped();
      return (
        await client.octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner,
          repo,
          path,
          ref: headSha ?? defaultBranch,
        })
      ).data as Content;
    },
  });
  for (const [path, answer] of fetched)
    raw.push({
      source: GITHUB_SOURCE,
      kind: 'content',
      sourceId: `${fullName}:${path}`,
      scope: fullName,
      payload: answer,
    });

  const factContents = Object.fromEntries(factFiles.map((path) => [path, contents[path]!]));
  const catalogTexts = Object.fromEntries(catalogFiles.map((path) => [path, decodeContent(contents[path]!)]));
  const facts = normalizeGithubFacts({
    fullName,
    service: sync.service,
    defaultBranch,
    headSha,
    tree,
    contents: factContents,
    protection: protection!,
    collectedAt: sync.now,
  });
  await db.transaction(async (tx) => {
    await storeRawPayloads(tx, raw);
    if (facts.service) await upsertServices(tx, [facts.service]);
    const { changed } = await recordFacts(tx, facts.observations);
    sync.counts.facts = (sync.counts.facts ?? 0) + changed;
    await recordGithubMonorepoServices(tx, sync, catalogTexts);
    await saveIngestCursor(tx, key, { cursor: { headSha }, etag: branch.notModified ? stored.etag : branch.etag });
  });
};

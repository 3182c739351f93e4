import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { fetchConditional } from './fetch-conditional';
import { fetchPages } from './fetch-pages';
import { GITHUB_SOURCE, githubIds } from './github-ids';
import { GITHUB_CURSOR_SOURCE, type RepositorySync } from './github-settings';
import { upsertGithubWorkflowRuns } from './upsert-github-workflow-runs';

type RunsCursor = { open: Record<string, string | null> };
type ListedRun = { id: number; updated_at?: string; run_attempt?: number; created_at?: string };

const isSame = (known: unknown, run: ListedRun) => {
  const stored = known as ListedRun | undefined;
  return stored !== undefined && stored.updated_at === run.updated_at && stored.run_attempt === run.run_attempt;
};

/**
 * Workflow runs, newest first, until a page holds nothing new or re-run (a re-run keeps its id and bumps
 * `run_attempt` and `updated_at`); runs still going are re-checked one by one with conditional requests.
 */
export const syncWorkflowRuns = async (sync: RepositorySync, { usesDeploymentsApi }: { usesDeploymentsApi: boolean }) => {
  const { db, client, fullName, owner, repo } = sync;
  const key = { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'workflow_runs' };
  const stored = sync.full ? { cursor: null, etag: null } : await getIngestCursor<RunsCursor>(db, key.source, key.scope, key.kind);
  const previous: RunsCursor = stored.cursor ?? { open: {} };

  const changed = new Map<number, unknown>();
  const params = { owner, repo, ...(sync.since && !stored.cursor ? { created: `>=${sync.since.toISOString().slice(0, 10)}` } : {}) };
  const listing = await fetchPages<ListedRun>(client, 'GET /repos/{owner}/{repo}/actions/runs', params, {
    etag: stored.etag,
    itemsOf: (data) => (data as { workflow_runs: unknown[] }).workflow_runs,
    stop: async (page) => {
      sync.checkStopped();
      const known = await getRawPayloads(db, { source: GITHUB_SOURCE, kind: 'workflow_run', sourceIds: page.map((run) => githubIds.pipelineRun(fullName, run.id)) });
      const byId = new Map(known.map((row) => [row.sourceId, row.payload]));
      const fresh = page.filter((run) => !isSame(byId.get(githubIds.pipelineRun(fullName, run.id)), run));
      for (const run of fresh) changed.set(run.id, run);
      return fresh.length === 0;
    },
  });

  const etags = new Map<number, string | null>();
  for (const [id, etag] of Object.entries(previous.open)) {
    if (changed.has(Number(id))) continue;
    sync.checkStopped();
    const answer = await fetchConditional<ListedRun>(client, 'GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: Number(id) }, etag);
    if (answer.notModified) continue;
    changed.set(Number(id), answer.data);
    etags.set(Number(id), answer.etag);
  }

  await db.transaction(async (tx) => {
    const written = await upsertGithubWorkflowRuns(tx, fullName, [...changed.values()], { deployWorkflowPattern: sync.settings.deployWorkflowPattern, usesDeploymentsApi });
    sync.counts.pipelineRuns = (sync.counts.pipelineRuns ?? 0) + written.pipelineRuns;
    sync.counts.deployments = (sync.counts.deployments ?? 0) + written.deployments;
    if (written.invalid > 0) sync.counts.invalid = (sync.counts.invalid ?? 0) + written.invalid;
    const open = { ...previous.open };
    for (const row of written.pipelineRows) {
      const id = row.sourceId.split('/').at(-1)!;
      if (row.status === 'in_progress') open[id] = etags.get(Number(id)) ?? null;
      else delete open[id];
    }
    await saveIngestCursor(tx, key, { cursor: { open }, etag: listing.notModified ? stored.etag : listing.etag });
  });
};

import { pipelineRuns } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import type { DeploymentRow, PipelineRunRow } from '../../../lib/domain/types';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { parsePayload, ZWorkflowRun } from './github-payloads';
import { markDeploymentsUnlinked } from './mark-deployments-unlinked';
import { normalizeWorkflowRun, type WorkflowRunOptions } from './normalize-workflow-run';

/**
 * Stores workflow runs as raw payloads and upserts them as pipeline runs, and runs of a deploying workflow as
 * deployments too (for repositories that deploy without the Deployments API). Polling and webhooks both end here.
 */
export const upsertGithubWorkflowRuns = async (tx: Executor, fullName: string, runs: unknown[], options: WorkflowRunOptions) => {
  const pipelineRows: PipelineRunRow[] = [];
  const deploymentRows: DeploymentRow[] = [];
  let invalid = 0;
  const raw = runs.map((run) => {
    const parsed = parsePayload(ZWorkflowRun, run, 'workflow run');
    const id = (run as { id?: unknown } | null)?.id;
    if (parsed.ok) {
      const { pipelineRun, deployment } = normalizeWorkflowRun(fullName, parsed.value, options);
      pipelineRows.push(pipelineRun);
      if (deployment) deploymentRows.push(deployment);
    } else invalid++;
    return { source: GITHUB_SOURCE, kind: 'workflow_run', sourceId: githubIds.pipelineRun(fullName, typeof id === 'number' ? id : -1), scope: fullName, payload: run, error: parsed.ok ? null : parsed.error };
  });
  await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOf(fullName)], GITHUB_SOURCE);
  const runsWritten = await upsertRows(tx, pipelineRuns, pipelineRows, { key: [pipelineRuns.id] });
  const deploymentsWritten = await upsertDeployments(tx, deploymentRows.map((deployment) => ({ deployment, changes: null })));
  const rewritten = deploymentRows.filter((row) => deploymentsWritten.inserted.has(row.id) || deploymentsWritten.updated.has(row.id));
  await markDeploymentsUnlinked(tx, fullName, rewritten.map((row) => row.sourceId));
  return { pipelineRuns: runsWritten.inserted.length + runsWritten.updated.length, deployments: rewritten.length, invalid, pipelineRows };
};

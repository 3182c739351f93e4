import { makeId } from '../../../lib/domain/ids';
import type { DeploymentRow, PipelineRunRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import type { GithubWorkflowRun } from './github-payloads';

export type WorkflowRunOptions = {
  /** Regex (case-insensitive) of deploying workflows' names or paths (github.deployWorkflowPattern). */
  deployWorkflowPattern: string;
  /** Repositories that use the Deployments API get their deployments from it, never from runs as well. */
  usesDeploymentsApi: boolean;
};

/** Actions-derived deployments have no environment of their own; they are the repository's production deploys. */
export const ACTIONS_DEPLOYMENT_ENVIRONMENT = 'production';

const runStatus = (run: GithubWorkflowRun): PipelineRunRow['status'] => {
  if (run.status !== 'completed') return 'in_progress';
  if (run.conclusion === 'success') return 'success';
  if (run.conclusion === 'cancelled' || run.conclusion === 'skipped') return 'cancelled';
  return 'failure';
};

// `path` may carry a ref suffix (".github/workflows/build.yml@main"), and `name` may be empty.
const workflowName = (run: GithubWorkflowRun) => run.name || run.path?.split('@')[0]?.split('/').at(-1) || 'workflow';

/**
 * A workflow run is a pipeline run; a run of a deploying workflow is also a deployment, finished at the run's
 * `updated_at`. Both are keyed by run id, not attempt, so a re-run updates the same rows instead of adding one.
 */
export const normalizeWorkflowRun = (
  fullName: string,
  run: GithubWorkflowRun,
  options: WorkflowRunOptions,
): { pipelineRun: PipelineRunRow; deployment: DeploymentRow | null } => {
  const status = runStatus(run);
  const service = serviceOf(fullName);
  const sha = run.head_sha.toLowerCase();
  const startedAt = run.run_started_at ?? run.created_at;
  const finishedAt = status === 'in_progress' ? null : run.updated_at;
  const pipelineSourceId = githubIds.pipelineRun(fullName, run.id);
  const pipelineRun: PipelineRunRow = {
    id: makeId(GITHUB_SOURCE, 'pipeline_run', pipelineSourceId),
    source: GITHUB_SOURCE,
    sourceId: pipelineSourceId,
    url: run.html_url ?? null,
    service,
    name: workflowName(run),
    status,
    commitSha: sha,
    branch: run.head_branch ?? null,
    attempt: run.run_attempt ?? 1,
    startedAt,
    finishedAt,
  };
  const pattern = new RegExp(options.deployWorkflowPattern, 'i');
  const deploys = !options.usesDeploymentsApi && (pattern.test(run.name ?? '') || pattern.test(run.path ?? ''));
  if (!deploys) return { pipelineRun, deployment: null };
  const deploymentSourceId = githubIds.runDeployment(fullName, run.id);
  return {
    pipelineRun,
    deployment: {
      id: githubIds.deploymentId(deploymentSourceId),
      source: GITHUB_SOURCE,
      sourceId: deploymentSourceId,
      url: run.html_url ?? null,
      service,
      environment: ACTIONS_DEPLOYMENT_ENVIRONMENT,
      status,
      commitSha: sha,
      startedAt,
      finishedAt,
      rollbackOf: null,
      reason: null,
    },
  };
};

import { makeId } from '../../../lib/domain/ids';
import type { PipelineRunRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE, gitlabIds, serviceOfProject } from './gitlab-ids';
import type { GitlabPipeline } from './gitlab-payloads';

const STATUS: Record<string, PipelineRunRow['status']> = {
  success: 'success',
  failed: 'failure',
  canceled: 'cancelled',
  skipped: 'cancelled',
};

/**
 * A pipeline is a pipeline run, keyed by pipeline id: retried jobs stay in the same pipeline, so a retry updates the
 * row instead of adding one. Named by its `name` (workflow:name) or, without one, by what started it.
 */
export const normalizeGitlabPipeline = (project: string, pipeline: GitlabPipeline): PipelineRunRow => {
  const status = STATUS[pipeline.status] ?? 'in_progress';
  const sourceId = gitlabIds.pipeline(project, pipeline.id);
  return {
    id: makeId(GITLAB_SOURCE, 'pipeline_run', sourceId),
    source: GITLAB_SOURCE,
    sourceId,
    url: pipeline.web_url ?? null,
    service: serviceOfProject(project),
    name: pipeline.name || pipeline.source || 'pipeline',
    status,
    commitSha: pipeline.sha?.toLowerCase() ?? null,
    branch: pipeline.ref ?? null,
    attempt: 1,
    startedAt: pipeline.started_at ?? pipeline.created_at,
    finishedAt: status === 'in_progress' ? null : (pipeline.finished_at ?? pipeline.updated_at),
  };
};

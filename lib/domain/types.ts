import type { changes, deployments, incidents, pipelineRuns, pullRequests, services } from '../db/schema';

/** Domain rows as sources produce them. Sources map their payloads into these; never the other way round. */
export type ServiceRow = typeof services.$inferInsert;
export type DeploymentRow = typeof deployments.$inferInsert;
export type ChangeRow = typeof changes.$inferInsert;
export type IncidentRow = typeof incidents.$inferInsert;
export type PipelineRunRow = typeof pipelineRuns.$inferInsert;
export type PullRequestRow = typeof pullRequests.$inferInsert;

export const DEPLOYMENT_STATUSES = ['success', 'failure', 'cancelled', 'in_progress'] as const;
export const DEPLOYMENT_REASONS = ['planned', 'hotfix', 'rollback'] as const;
export const PIPELINE_STATUSES = ['success', 'failure', 'cancelled', 'in_progress'] as const;

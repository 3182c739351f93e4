import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every domain row keeps the source it came from and that source's own id, so the UI can link back,
 * and its primary key is the deterministic `${source}:${kind}:${sourceId}` (see lib/domain/ids.ts),
 * so re-running a normalizer rewrites the same rows instead of adding new ones.
 */
const provenance = {
  source: text('source').notNull(),
  sourceId: text('source_id').notNull(),
  url: text('url'),
  ingestedAt: at('ingested_at').notNull().defaultNow(),
};

export const teams = pgTable('teams', {
  name: text('name').primaryKey(),
  displayName: text('display_name'),
  /** The group this team belongs to (a Backstage group's parent): a parent's figures pool its sub-teams' services. */
  parent: text('parent'),
  source: text('source').notNull(),
  ingestedAt: at('ingested_at').notNull().defaultNow(),
});

/** A service is identified by its name across all sources: a GitHub repository and an events-v1 feed meet here. */
export const services = pgTable(
  'services',
  {
    name: text('name').primaryKey(),
    team: text('team'),
    lifecycle: text('lifecycle'),
    tier: text('tier'),
    repository: text('repository'),
    tags: text('tags').array(),
    catalog: jsonb('catalog').$type<Record<string, unknown>>(),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    ingestedAt: at('ingested_at').notNull().defaultNow(),
  },
  (t) => [index('services_team_idx').on(t.team)],
);

/**
 * Who owned a service from when: one row per change of `services.team`, written by a trigger on services, so every
 * source records it. The first owner holds since `-infinity` (history before Waymark saw the service is theirs).
 * Team figures attribute each event to the team that owned its service at the event's time.
 */
export const serviceOwners = pgTable(
  'service_owners',
  {
    service: text('service').notNull(),
    since: at('since').notNull(),
    team: text('team'),
  },
  (t) => [primaryKey({ columns: [t.service, t.since] }), index('service_owners_team_idx').on(t.team)],
);

export const deployments = pgTable(
  'deployments',
  {
    id: text('id').primaryKey(),
    ...provenance,
    service: text('service').notNull(),
    environment: text('environment').notNull(),
    /** success | failure | cancelled | in_progress */
    status: text('status').notNull(),
    commitSha: text('commit_sha'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    /** Deterministic id of the deployment this one rolls back; it may not have arrived yet. */
    rollbackOf: text('rollback_of'),
    /** planned | hotfix | rollback */
    reason: text('reason'),
    /** The artifact deployed, as its source names it (a CDEvents artifactId, a purl): an incident may name it. */
    artifact: text('artifact'),
  },
  (t) => [
    index('deployments_service_finished_idx').on(t.service, t.finishedAt),
    index('deployments_finished_idx').on(t.finishedAt),
    index('deployments_rollback_of_idx').on(t.rollbackOf),
    index('deployments_commit_sha_idx').on(t.commitSha),
  ],
);

/** A commit of a service. Its id includes the service, since a monorepo commit can ship in several services. */
export const changes = pgTable(
  'changes',
  {
    id: text('id').primaryKey(),
    ...provenance,
    service: text('service').notNull(),
    sha: text('sha').notNull(),
    authoredAt: at('authored_at').notNull(),
    committedAt: at('committed_at'),
    author: text('author'),
    title: text('title'),
    pullRequestId: text('pull_request_id'),
  },
  (t) => [index('changes_service_sha_idx').on(t.service, t.sha), index('changes_pull_request_idx').on(t.pullRequestId)],
);

/**
 * Which deployment carried which change. Many-to-many: a source may report the same commit in a failed and a
 * successful run; the deployment that first shipped a change is decided when metrics are computed.
 */
export const deploymentChanges = pgTable(
  'deployment_changes',
  {
    deploymentId: text('deployment_id').notNull(),
    changeId: text('change_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deploymentId, t.changeId] }), index('deployment_changes_change_idx').on(t.changeId)],
);

export const pullRequests = pgTable(
  'pull_requests',
  {
    id: text('id').primaryKey(),
    ...provenance,
    service: text('service').notNull(),
    repository: text('repository'),
    number: integer('number'),
    title: text('title'),
    author: text('author'),
    /** open | closed | merged */
    state: text('state').notNull(),
    labels: text('labels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isRevert: boolean('is_revert').notNull().default(false),
    baseBranch: text('base_branch'),
    headSha: text('head_sha'),
    mergeCommitSha: text('merge_commit_sha'),
    firstCommitAt: at('first_commit_at'),
    openedAt: at('opened_at').notNull(),
    firstReviewAt: at('first_review_at'),
    approvedAt: at('approved_at'),
    mergedAt: at('merged_at'),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('pull_requests_service_merged_idx').on(t.service, t.mergedAt),
    index('pull_requests_merge_commit_idx').on(t.mergeCommitSha),
    index('pull_requests_url_idx').on(t.url),
  ],
);

export const incidents = pgTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    ...provenance,
    service: text('service').notNull(),
    title: text('title'),
    severity: text('severity'),
    openedAt: at('opened_at').notNull(),
    /** When a responder first acknowledged it, when the source knows (PagerDuty's log entries). */
    acknowledgedAt: at('acknowledged_at'),
    resolvedAt: at('resolved_at'),
    /** Deterministic id of the deployment that caused it, when the source knows. */
    causedBy: text('caused_by'),
    /** A commit sha named as the cause; resolved to the deployment that first shipped it. */
    causedBySha: text('caused_by_sha'),
    /**
     * A pull or merge request URL, a deployment URL or an artifact id named as the cause (lib/domain/find-named-cause.ts);
     * resolved to the deployment that first shipped it, or is it.
     */
    causedByRef: text('caused_by_ref'),
  },
  (t) => [
    index('incidents_service_opened_idx').on(t.service, t.openedAt),
    index('incidents_resolved_idx').on(t.resolvedAt),
    index('incidents_caused_by_idx').on(t.causedBy),
  ],
);

export const pipelineRuns = pgTable(
  'pipeline_runs',
  {
    id: text('id').primaryKey(),
    ...provenance,
    service: text('service').notNull(),
    name: text('name').notNull(),
    /** success | failure | cancelled | in_progress */
    status: text('status').notNull(),
    commitSha: text('commit_sha'),
    branch: text('branch'),
    attempt: integer('attempt').notNull().default(1),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('pipeline_runs_service_finished_idx').on(t.service, t.finishedAt)],
);

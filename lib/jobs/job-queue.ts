/** A job's data: small JSON (ids, names), never payloads; those stay in the database. */
export type JobData = Record<string, unknown>;
export type JobHandler = (data: JobData) => Promise<void>;

export type SendOptions = {
  /**
   * Jobs with the same key never run at the same time, and at most one more waits behind the running one (pg-boss's
   * `stately` policy); a repository sync is keyed by its repository.
   */
  singletonKey?: string;
};

/**
 * The small job-queue interface Waymark uses: app/ and lib/ enqueue, ingest/worker runs the handlers. Backed by
 * pg-boss on a Postgres server (durable, shared by any number of worker processes) and by an in-process runner on the
 * embedded database (one process owns PGlite; the same handlers run there).
 */
export type JobQueue = {
  kind: 'pg-boss' | 'in-process';
  send: (name: string, data: JobData, options?: SendOptions) => Promise<void>;
  work: (name: string, handler: JobHandler, options?: { concurrency?: number }) => Promise<void>;
  /** Sends `name` on a cron schedule (UTC); on pg-boss only one process sends each tick, however many run. */
  schedule: (name: string, cron: string, data?: JobData) => Promise<void>;
  stop: () => Promise<void>;
};

export const JOB_NAMES = {
  /** Normalize one stored webhook delivery. */
  githubWebhook: 'github-webhook',
  /** Sync one repository (key: OWNER/NAME). */
  githubSyncRepository: 'github-sync-repository',
  /** Sync the PagerDuty account's incidents (queued by pagerduty.schedule). */
  pagerdutySync: 'pagerduty-sync',
  /** Normalize one stored PagerDuty webhook delivery. */
  pagerdutyWebhook: 'pagerduty-webhook',
  /** Sync the incident.io account's incidents (queued by incidentIo.schedule). */
  incidentIoSync: 'incident-io-sync',
  /** Normalize one stored incident.io webhook delivery. */
  incidentIoWebhook: 'incident-io-webhook',
  /** Sync the Backstage catalog's services and teams (queued by backstage.schedule). */
  backstageSync: 'backstage-sync',
  /** Normalize one stored CDEvents delivery. */
  cdeventsWebhook: 'cdevents-webhook',
  /** Normalize one stored OTLP traces export. */
  otelWebhook: 'otel-webhook',
  /** Fan a scheduled sync out into one job per repository. */
  githubSyncAll: 'github-sync-all',
  /** Normalize one stored GitLab webhook delivery. */
  gitlabWebhook: 'gitlab-webhook',
  /** Sync one GitLab project (key: its full path). */
  gitlabSyncProject: 'gitlab-sync-project',
} as const;

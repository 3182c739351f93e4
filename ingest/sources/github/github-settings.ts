import type { Db, Executor } from '../../../lib/db/client';
import type { ConfiguredService } from '../../../lib/domain/monorepo-service';
import type { GithubClient } from './create-github-client';

/** What a GitHub sync needs from the configuration, resolved once per run. */
export type GithubSettings = {
  deployWorkflowPattern: string;
  /** metrics.productionEnvironmentPattern: only production deployments get changes linked. */
  productionPattern: string;
  incidentLabel: string;
  backfillHorizonDays: number;
  /** Globs of the files whose contents become repository facts. */
  factFileGlobs: readonly string[];
  /** waymark.yaml's `git.services`: monorepo services by path, for every source that reads repositories. */
  services?: readonly ConfiguredService[];
};

/** A repository as a step reads it: stored payloads first, then the API when there is a client (not in renormalize). */
export type RepositoryAccess = {
  db: Executor;
  client: GithubClient | null;
  fullName: string;
  owner: string;
  repo: string;
};

/** One repository's sync: its client (with its own request counter), settings and what it has done so far. */
export type RepositorySync = {
  db: Db;
  client: GithubClient;
  fullName: string;
  owner: string;
  repo: string;
  service: string;
  settings: GithubSettings;
  /** The run's clock: facts are stamped with it (tests pin it). */
  now: Date;
  /** First runs only look back to here (`--since`). */
  since: Date | null;
  /** Ignore cursors and ETags: a reconciliation pass over everything. */
  full: boolean;
  /**
   * Set once this run's pull-request listing has finished: every pull request updated since then (null: ever) is in
   * the local index, so a commit made since then and in no listed pull request was pushed directly.
   */
  pullRequestsListedFrom?: Date | null;
  counts: Record<string, number>;
  /** Throws when the run was stopped, between requests, so a stop never leaves half a step behind. */
  checkStopped: () => void;
};

export const GITHUB_CURSOR_SOURCE = 'github';

import type { Db } from '../../../lib/db/client';
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
  counts: Record<string, number>;
  /** Throws when the run was stopped, between requests, so a stop never leaves half a step behind. */
  checkStopped: () => void;
};

export const GITHUB_CURSOR_SOURCE = 'github';

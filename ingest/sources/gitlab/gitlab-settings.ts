import type { Db } from '../../../lib/db/client';
import type { ConfiguredService } from '../../../lib/domain/monorepo-service';
import type { GitlabClient } from './create-gitlab-client';
import type { GitlabProject } from './gitlab-payloads';

/** What a GitLab sync needs from the configuration, resolved once per run. */
export type GitlabSettings = {
  /** metrics.productionEnvironmentPattern: only production deployments get commits linked. */
  productionPattern: string;
  incidentLabel: string;
  backfillHorizonDays: number;
  /** Page size of listings (GitLab allows up to 100). */
  perPage: number;
  /** The files whose contents are collected as repository facts (defaults and what the standards read). */
  factFileGlobs: readonly string[];
  /** waymark.yaml's `git.services`: monorepo services by path, the same list the git and GitHub sources read. */
  services?: readonly ConfiguredService[];
};

/** One project's sync: its client, settings, project and what it has done so far. */
export type ProjectSync = {
  db: Db;
  client: GitlabClient;
  project: GitlabProject;
  /** The project's full path (group/subgroup/name): the scope of its raw payloads and cursors. */
  path: string;
  service: string;
  settings: GitlabSettings;
  /** Ignore cursors: a reconciliation pass over everything. */
  full: boolean;
  counts: Record<string, number>;
  /** Throws when the run was stopped, between requests. */
  checkStopped: () => void;
};

export const GITLAB_CURSOR_SOURCE = 'gitlab';
